package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.oslo4j.rpc.MalformedMessageException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Inner messages with long string values are parsed to exactly what Jackson parses from
 * the whole text, whether the values are taken out and read back in place
 * ({@link LongStringValues}, {@link LongStringParser}) or left to Jackson.
 */
class LongStringValuesTest {

	private static final ObjectReader READER = OsloJson.mapper().readerFor(LinkedHashMap.class);

	private static final String LONG = "abc ~!#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}".repeat(10);

	private static final String[] SPECIAL = { "\"", "\\", "\n", "\u0001", "é", "€", "😀" };

	private final Envelope envelope = new Envelope(OsloJson.mapper());

	@Test
	void longValuesAreTakenOutAndReadBackInPlace() {
		String json = "{\"method\": \"echo\", \"args\": {\"data\": {\"blob\": \"" + LONG
				+ "\", \"n\": 1}, \"list\": [\"" + LONG + "x\", \"short\", \"" + LONG + "y\"]}, \"_msg_id\": \"m1\"}";
		LongStringValues values = LongStringValues.extract(InnerMessages.unescaped(json));
		assertThat(values).isNotNull();
		assertThat(values.length()).isEqualTo(json.length() - 3 * LONG.length() - 2);
		assertThat(parsedByEnvelope(json)).isEqualTo(plainParse(json));
	}

	@Test
	void aDocumentWithoutLongValuesIsLeftToJackson() {
		String longName = "{\"" + LONG + "\": 1, \"escaped\": \"" + LONG + "\\n\", \"short\": \"" + "x".repeat(200)
				+ "\"}";
		assertThat(LongStringValues.extract(InnerMessages.unescaped(longName))).isNull();
		assertThat(parsedByEnvelope(longName)).isEqualTo(plainParse(longName));
	}

	@Test
	void valuesAfterPropertyNamesWithEscapedQuotesKeepTheirPlaces() {
		String json = "{\"a\\\"b\": \"" + LONG + "1\", \"c\": [\"\\\\\", \"" + LONG + "2\"], \"d\" :\n \"" + LONG
				+ "3\", \"e\": \"\\\"" + LONG + "\"}";
		assertThat(LongStringValues.extract(InnerMessages.unescaped(json))).isNotNull();
		assertThat(parsedByEnvelope(json)).isEqualTo(plainParse(json));
	}

	@Test
	void aRepeatedPropertyKeepsTheLastValueAsJacksonDoes() {
		String json = "{\"a\": 1, \"b\": \"" + LONG + "b\", \"a\": \"" + LONG + "a\", \"b\": \"" + LONG + "c\"}";
		Map<String, Object> parsed = parsedByEnvelope(json);
		assertThat(parsed).isEqualTo(plainParse(json));
		assertThat(parsed.get("a")).isEqualTo(LONG + "a");
		assertThat(parsed.get("b")).isEqualTo(LONG + "c");
	}

	@Test
	void skippingChildrenCountsTheValuesSkipped() {
		String json = "{\"skip\": {\"x\": [\"" + LONG + "1\", {\"y\": \"" + LONG + "2\"}]}, \"keep\": \"" + LONG
				+ "3\"}";
		LongStringValues values = LongStringValues.extract(InnerMessages.unescaped(json));
		try (JsonParser plain = READER.createParser(values.text(), 0, values.length());
				LongStringParser parser = values.restoring(plain)) {
			assertThat(parser.nextToken()).isNotNull();
			assertThat(parser.nextName()).isEqualTo("skip");
			parser.nextToken();
			parser.skipChildren();
			assertThat(parser.nextName()).isEqualTo("keep");
			assertThat(parser.nextStringValue()).isEqualTo(LONG + "3");
			assertThat(parser.restoredAll()).as("two values were passed over").isFalse();
		}
	}

	@Test
	void valuesFromTheMinimumLengthUpAreTakenOut() {
		String atMinimum = "{\"a\": \"" + "x".repeat(LongStringValues.MIN_LENGTH) + "\"}";
		String belowMinimum = "{\"a\": \"" + "x".repeat(LongStringValues.MIN_LENGTH - 1) + "\"}";
		LongStringValues values = LongStringValues.extract(InnerMessages.unescaped(atMinimum));
		assertThat(values).isNotNull();
		assertThat(new String(values.text(), 0, values.length(), StandardCharsets.US_ASCII)).isEqualTo("{\"a\": \"\"}");
		assertThat(LongStringValues.extract(InnerMessages.unescaped(belowMinimum))).isNull();
	}

	@Test
	void aValueThatEndsTheDocumentIsAValueNotAName() {
		String json = "\"" + LONG + "\"";
		LongStringValues values = LongStringValues.extract(InnerMessages.unescaped(json));
		assertThat(values).isNotNull();
		assertThat(new String(values.text(), 0, values.length(), StandardCharsets.US_ASCII)).isEqualTo("\"\"");
	}

	@Test
	void aBackslashOutsideAStringLeavesTheDocumentToJackson() {
		String json = "\\\", \"" + LONG + "\"";
		assertThat(LongStringValues.extract(InnerMessages.unescaped(json))).isNull();
	}

	@Test
	void aStringLeftOpenAfterAnEscapeLeavesTheDocumentToJackson() {
		assertThat(LongStringValues.extract(InnerMessages.unescaped("{\"a\": \"" + LONG + "\\n"))).isNull();
		assertThat(LongStringValues.extract(InnerMessages.unescaped("{\"a\": \"" + LONG + "\\"))).isNull();
	}

	@Test
	void aLongValueOutsideAsciiLeavesTheDocumentToJackson() {
		for (String value : new String[] { "\u00e9" + LONG, LONG + "\u20ac", LONG + "\ud83d\ude00" + LONG,
				"\ufffd" + LONG }) {
			String json = "{\"a\": \"" + LONG + "\", \"b\": \"" + value + "\"}";
			assertThat(LongStringValues.extract(InnerMessages.unescaped(json))).as(value).isNull();
			assertThat(parsedByEnvelope(json)).as(value).isEqualTo(plainParse(json));
		}
	}

	@Test
	void aShortPartOutsideAsciiIsParsedFromBytesAsJacksonDoes() {
		for (String shortPart : new String[] { "\"caf\u00e9\"", "\"\u20ac\"", "\"x\ud83d\ude00\"" }) {
			String json = "{\"a\": \"" + LONG + "\", \"b\": " + shortPart + ", \"c\": [\"" + LONG + "\"]}";
			assertThat(LongStringValues.extract(InnerMessages.unescaped(json))).as(shortPart).isNotNull();
			assertThat(parsedByEnvelope(json)).as(shortPart).isEqualTo(plainParse(json));
			// the rest long enough to be parsed from chars if it were taken for ASCII
			String longRest = "{\"a\": \"" + LONG + "\", \"b\": " + shortPart + ", \"c\": ["
					+ "1, ".repeat(InnerMessageReader.CHAR_PARSE_MIN_LENGTH / 3) + "2]}";
			assertThat(LongStringValues.extract(InnerMessages.unescaped(longRest)).length())
				.isGreaterThan(InnerMessageReader.CHAR_PARSE_MIN_LENGTH);
			assertThat(parsedByEnvelope(longRest)).as(shortPart).isEqualTo(plainParse(longRest));
		}
	}

	@Test
	void aLongDocumentOutsideAsciiWithoutLongValuesIsParsedFromBytes() {
		String json = "{\"a\": \"caf\u00e9\", \"b\": [" + "1, ".repeat(400) + "2]}";
		assertThat(LongStringValues.extract(InnerMessages.unescaped(json))).isNull();
		assertThat(parsedByEnvelope(json)).isEqualTo(plainParse(json));
	}

	@Test
	void invalidUtf8InALongValueIsRefusedAsBeforeNotReadAsText() {
		// raw bytes in the envelope: a long value ending in a lone continuation byte
		byte[] body = ascii("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"a\\\": \\\"" + LONG + "?\\\"}\"}");
		int at = body.length - 6;
		assertThat(body[at]).isEqualTo((byte) '?');
		body[at] = (byte) 0x80;
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.envelope.unwrap(body))
			.withMessageContaining("Invalid UTF-8");
	}

	@Test
	void invalidDocumentsFailAsAPlainParseFails() {
		String[] invalid = { "{\"a\": \"" + LONG + "\" \"b\": 1}", "{\"a\": \"" + LONG + "\", }",
				"{\"a\": \"" + LONG + "\"} x", "{\"a\": \"" + LONG + "\u0001\"}", "{\"a\": \"" + LONG,
				"[\"" + LONG + "\"]", "{\"a\": \\\"" + LONG + "\"}" };
		for (String json : invalid) {
			String padded = json + " ".repeat(Math.max(0, InnerMessageReader.CHAR_PARSE_MIN_LENGTH - json.length()));
			byte[] bytes = ascii(padded);
			String expected = failureOf(() -> this.envelope.parse(new String(bytes, StandardCharsets.US_ASCII)));
			assertThat(failureOf(() -> this.envelope.unwrap(this.envelope.wrap(padded)))).as(json).isEqualTo(expected);
		}
	}

	@Test
	void randomDocumentsParseAsJacksonParsesThem() {
		Random random = new Random(20261202);
		int restored = 0;
		for (int n = 0; n < 2000; n++) {
			Map<String, Object> document = new LinkedHashMap<>();
			int properties = 1 + random.nextInt(6);
			for (int p = 0; p < properties; p++) {
				document.put(randomString(random, 1 + random.nextInt(20)), randomValue(random, 3));
			}
			String json = OsloJson.mapper().writeValueAsString(document);
			Map<String, Object> expected = plainParse(json);
			assertThat(parsedByEnvelope(json)).as("document %d", n).isEqualTo(expected);
			LongStringValues values = LongStringValues.extract(InnerMessages.unescaped(json));
			if (values != null) {
				try (JsonParser plain = READER.createParser(values.text(), 0, values.length());
						LongStringParser parser = values.restoring(plain)) {
					assertThat((Object) READER.readValue(parser)).as("document %d", n).isEqualTo(expected);
					assertThat(parser.restoredAll()).as("document %d", n).isTrue();
				}
				restored++;
			}
		}
		assertThat(restored).as("documents with long values read back").isGreaterThan(1000);
	}

	private Object randomValue(Random random, int depth) {
		int kind = random.nextInt((depth > 0) ? 7 : 5);
		return switch (kind) {
			case 0 -> randomString(random, random.nextInt(2000));
			case 1 -> plainString(random, LongStringValues.MIN_LENGTH - 2 + random.nextInt(3000));
			case 2 -> random.nextInt();
			case 3 -> random.nextBoolean();
			case 4 -> "";
			case 5 -> {
				List<Object> list = new ArrayList<>();
				for (int i = random.nextInt(5); i > 0; i--) {
					list.add(randomValue(random, depth - 1));
				}
				yield list;
			}
			default -> {
				Map<String, Object> map = new LinkedHashMap<>();
				for (int i = random.nextInt(5); i > 0; i--) {
					map.put(randomString(random, random.nextInt(300)), randomValue(random, depth - 1));
				}
				yield map;
			}
		};
	}

	private static String randomString(Random random, int length) {
		StringBuilder s = new StringBuilder(length);
		// mostly plain, now and then a character to escape or outside ASCII
		while (s.length() < length) {
			int roll = random.nextInt(length + 1);
			if (roll == 0) {
				s.append(SPECIAL[random.nextInt(SPECIAL.length)]);
			}
			else {
				s.append((char) (' ' + random.nextInt(95)));
			}
		}
		return s.toString();
	}

	private static String plainString(Random random, int length) {
		StringBuilder s = new StringBuilder(length);
		while (s.length() < length) {
			char c = (char) (' ' + random.nextInt(95));
			if (c != '"' && c != '\\') {
				s.append(c);
			}
		}
		return s.toString();
	}

	private Map<String, Object> parsedByEnvelope(String json) {
		return this.envelope.unwrap(this.envelope.wrap(json));
	}

	private static Map<String, Object> plainParse(String json) {
		return READER.readValue(json);
	}

	private static String failureOf(Runnable parse) {
		try {
			parse.run();
		}
		catch (MalformedMessageException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("expected the document to be refused");
	}

	private static byte[] ascii(String json) {
		return json.getBytes(StandardCharsets.US_ASCII);
	}

}
