package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import io.oslo4j.rpc.MalformedMessageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The byte-level fast paths of {@link Envelope}: unwrapping a body laid out as oslo
 * writes it (the inner string unescaped once, straight to UTF-8 bytes) gives what parsing
 * the outer and then the inner JSON gives, and unusual bodies fall back to that general
 * path; wrapping inner bytes gives the bytes wrapping the inner string gives.
 */
class EnvelopeTest {

	private static final String PREFIX = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"";

	private final Envelope envelope = new Envelope(OsloJson.mapper());

	private final JsonMapper plain = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"a\": 1, \"b\": [true, null, 2.5]}", "{\"s\": \"caf\u00e9 \ud83d\ude00 \u2028\"}",
			"{\"s\": \"caf\\u00e9 \\ud83d\\ude00 \\\\ \\\" / \\n\\t\\r\\b\\f\\u0000\"}",
			"{\"s\": \"\\\\\\\"\", \"\\\\\": \"\\\"\\\"\"}",
			"{\"nested\": {\"failure\": \"{\\\"k\\\": \\\"v\\\"}\"}}" })
	void unwrappingAnOsloBodyEqualsParsingTwice(String inner) {
		byte[] body = this.envelope.wrap(inner);
		assertThat(Envelope.innerMessage(body)).as("fast path taken").isNotNull();
		assertThat(this.envelope.unwrap(body)).isEqualTo(parseTwice(body)).isEqualTo(parse(inner));
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// raw UTF-8 and the \/ escape: not what Python writes, still JSON
			PREFIX + "{\\\"s\\\": \\\"\u00e9\u20ac\ud83d\ude00\\/\\\"}\"}",
			// lone surrogate escapes: left to the JSON parser
			PREFIX + "{\\\"s\\\": \\\"\\ud800\\\"}\"}", PREFIX + "{\\\"s\\\": \\\"\\udc00x\\\"}\"}",
			// another key after the message, or keys in another order
			PREFIX + "{}\", \"x\": 1}", "{\"oslo.message\": \"{\\\"a\\\": 1}\", \"oslo.version\": \"2.0\"}",
			// whitespace Python would not write
			PREFIX + "{\\\"a\\\": 1}\" }", PREFIX + "{\\\"a\\\": 1}\"}\n" })
	void unusualBodiesFallBackToTheGeneralPath(String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		assertThat(Envelope.innerMessage(body) == null).as("general path taken").isEqualTo(!text.contains("\\/"));
		assertThat(this.envelope.unwrap(body)).isEqualTo(parseTwice(body));
	}

	@ParameterizedTest
	@ValueSource(strings = { PREFIX + "{\\\"a\\\": 1\"}", PREFIX + "[1]\"}", PREFIX + "{\\\"a\\\": 1}\\\"}",
			PREFIX + "{\\\"a\\\": \\\"\\x\\\"}\"}", PREFIX + "{\\\"a\\\": \\\"\\u12\\\"}\"}", PREFIX + "\"}",
			PREFIX + "{\\\"a\\\": \\\"\n\\\"}\"}" })
	void malformedOsloBodiesAreRejected(String text) {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.envelope.unwrap(text.getBytes(StandardCharsets.UTF_8)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"a\": \"b\\\"c\\\\d\"}", "\"\"\"\\\\\\", "plain ascii ~ !",
			"caf\u00e9 \ud83d\ude00 \u2028 \n\t\u0001 \u007f" })
	void wrappingBytesEqualsWrappingTheString(String inner) {
		byte[] bytes = inner.getBytes(StandardCharsets.UTF_8);
		byte[] padded = new byte[bytes.length + 7];
		System.arraycopy(bytes, 0, padded, 0, bytes.length);
		assertThat(this.envelope.wrap(padded, bytes.length)).isEqualTo(this.envelope.wrap(inner));
	}

	@Test
	void aLargeInnerStringIsCopiedWhole() {
		String inner = "{\"data\": \"" + "x\\\"y".repeat(20_000) + "\"}";
		byte[] body = this.envelope.wrap(inner.getBytes(StandardCharsets.US_ASCII), inner.length());
		assertThat(body).isEqualTo(this.envelope.wrap(inner));
		assertThat(this.envelope.unwrap(body)).isEqualTo(parse(inner));
	}

	@Test
	void wrappingBytesEscapesEveryByteAtEveryOffsetAsPythonDoes() {
		String specials = "\"\\\n\t\u0000\u001f\u007f\u00e9\u20ac\ud83d\ude00 ~";
		for (int length = 1; length <= 40; length++) {
			for (int at = 0; at < length; at++) {
				for (int codePoint : specials.codePoints().toArray()) {
					assertWrapsAsPython("a".repeat(at) + Character.toString(codePoint) + "b".repeat(length - at - 1));
				}
			}
		}
	}

	@Test
	void wrappingRandomBytesEscapesThemAsPythonDoes() {
		Random random = new Random(11);
		String ascii = "\"\\ab{}:, ~0";
		for (int round = 0; round < 5_000; round++) {
			int length = random.nextInt(41);
			StringBuilder inner = new StringBuilder();
			while (inner.length() < length) {
				inner.append(ascii.charAt(random.nextInt(ascii.length())));
			}
			if (random.nextInt(8) == 0 && length > 0) {
				inner.setCharAt(random.nextInt(length), (char) random.nextInt(0x20));
			}
			if (random.nextInt(8) == 0 && length > 0) {
				inner.setCharAt(random.nextInt(length), (char) (0x7F + random.nextInt(0x300)));
			}
			assertWrapsAsPython(inner.toString());
		}
		for (String large : new String[] { "x".repeat(65_536), ("x".repeat(99) + "\"").repeat(700), "\\".repeat(70_000),
				"x".repeat(65_536) + "\"", "\"" + "x".repeat(65_536), "x".repeat(65_536) + "\u00e9" }) {
			assertWrapsAsPython(large);
		}
	}

	/**
	 * Wraps {@code inner}, given as UTF-8 bytes followed by bytes that must not be read,
	 * and compares with {@code json.dumps(inner)} written out by hand.
	 */
	private void assertWrapsAsPython(String inner) {
		byte[] bytes = inner.getBytes(StandardCharsets.UTF_8);
		byte[] padded = Arrays.copyOf(bytes, bytes.length + 9);
		Arrays.fill(padded, bytes.length, padded.length, (byte) '"');
		padded[padded.length - 1] = (byte) 0xE9;
		StringBuilder expected = new StringBuilder(PREFIX);
		for (char c : inner.toCharArray()) {
			switch (c) {
				case '"' -> expected.append("\\\"");
				case '\\' -> expected.append("\\\\");
				case '\n' -> expected.append("\\n");
				case '\t' -> expected.append("\\t");
				case '\r' -> expected.append("\\r");
				case '\b' -> expected.append("\\b");
				case '\f' -> expected.append("\\f");
				default -> expected.append((c < 0x20 || c > 0x7E) ? String.format("\\u%04x", (int) c) : c);
			}
		}
		expected.append("\"}");
		assertThat(new String(this.envelope.wrap(padded, bytes.length), StandardCharsets.US_ASCII)).as(inner)
			.isEqualTo(expected.toString());
	}

	private Map<?, ?> parseTwice(byte[] body) {
		Map<?, ?> outer = this.plain.readValue(body, LinkedHashMap.class);
		Object inner = outer.get("oslo.message");
		return (inner instanceof String text) ? parse(text) : outer;
	}

	private Map<?, ?> parse(String json) {
		return OsloJson.mapper().readValue(json, LinkedHashMap.class);
	}

}
