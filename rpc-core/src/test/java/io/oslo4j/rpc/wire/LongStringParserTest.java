package io.oslo4j.rpc.wire;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.sym.SimpleNameMatcher;
import tools.jackson.databind.ObjectReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Whichever way a reader moves through a document and reads its strings, the long values
 * {@link LongStringValues} took out are read back in their places, the other strings and
 * names are the document's, and {@link LongStringParser#restoredAll()} tells whether
 * every value taken out was read.
 */
class LongStringParserTest {

	private static final ObjectReader READER = OsloJson.mapper().readerFor(LinkedHashMap.class);

	private static final String LONG = "abc ~!#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}".repeat(10);

	/** Four long values, one short one, in nested places. */
	private static final String DOCUMENT = "{\"a\": \"" + LONG + "1\", \"b\": [\"" + LONG + "2\", \"short\", {\"c\": \""
			+ LONG + "3\"}], \"d\": \"" + LONG + "4\"}";

	@Test
	void nextValueReadsEveryStringValueInPlace() {
		try (LongStringParser parser = parser(DOCUMENT)) {
			List<String> strings = new ArrayList<>();
			for (JsonToken token = parser.nextValue(); token != null; token = parser.nextValue()) {
				if (token == JsonToken.VALUE_STRING) {
					strings.add(parser.getString());
				}
			}
			assertThat(strings).containsExactly(LONG + "1", LONG + "2", "short", LONG + "3", LONG + "4");
			assertThat(parser.restoredAll()).isTrue();
		}
	}

	@Test
	void namesAreMatchedByEveryNameMethod() {
		PropertyNameMatcher matcher = SimpleNameMatcher.construct(Locale.ROOT, List.of("a", "b", "c", "d"));
		try (LongStringParser parser = parser(DOCUMENT)) {
			assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
			assertThat(parser.nextName(new SerializedString("a"))).isTrue();
			assertThat(parser.nextStringValue()).isEqualTo(LONG + "1");
			assertThat(parser.nextName(new SerializedString("x"))).as("the next name is b").isFalse();
			assertThat(parser.currentName()).isEqualTo("b");
			assertThat(parser.nextName(new SerializedString("b"))).as("not at a name").isFalse();
			assertThat(parser.nextNameMatch(matcher)).as("at a string value")
				.isEqualTo(PropertyNameMatcher.MATCH_ODD_TOKEN);
			assertThat(parser.getString()).isEqualTo(LONG + "2");
			assertThat(parser.nextStringValue()).isEqualTo("short");
			assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
			assertThat(parser.nextNameMatch(matcher)).isEqualTo(2);
			assertThat(parser.nextStringValue()).isEqualTo(LONG + "3");
			assertThat(parser.nextNameMatch(matcher)).isEqualTo(PropertyNameMatcher.MATCH_END_OBJECT);
			assertThat(parser.nextToken()).isEqualTo(JsonToken.END_ARRAY);
			assertThat(parser.nextName()).isEqualTo("d");
			assertThat(parser.nextValue()).isEqualTo(JsonToken.VALUE_STRING);
			assertThat(parser.getValueAsString()).isEqualTo(LONG + "4");
			assertThat(parser.nextName()).as("at the end of the object").isNull();
			assertThat(parser.restoredAll()).isTrue();
		}
	}

	@Test
	void everyStringAccessorGivesTheValueTakenOut() {
		try (LongStringParser parser = parser(DOCUMENT)) {
			parser.nextToken();
			parser.nextName();
			assertThat(parser.getValueAsString()).as("a name is the document's").isEqualTo("a");
			assertThat(parser.getValueAsString("default")).isEqualTo("a");
			parser.nextToken();
			assertThat(parser.hasStringCharacters()).isFalse();
			assertThat(characters(parser)).isEqualTo(LONG + "1");
			assertThat(parser.getValueAsString("default")).isEqualTo(LONG + "1");
			StringWriter written = new StringWriter();
			assertThat(parser.getString(written)).isEqualTo(LONG.length() + 1);
			assertThat(written).hasToString(LONG + "1");
			parser.nextName();
			assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
			assertThat(parser.getValueAsString("default")).as("an array is no string").isEqualTo("default");
			parser.nextToken();
			parser.nextToken();
			assertThat(parser.getString()).isEqualTo("short");
			assertThat(characters(parser)).isEqualTo("short");
			StringWriter shortWritten = new StringWriter();
			assertThat(parser.getString(shortWritten)).isEqualTo(5);
			assertThat(shortWritten).hasToString("short");
			assertThat(parser.getValueAsString()).isEqualTo("short");
			assertThat(parser.restoredAll()).as("LONG2, LONG3 and LONG4 were not read").isFalse();
		}
	}

	@Test
	void otherTokensAreReadFromTheDocumentsOwnCharacters() {
		// a parser of chars keeps a number's characters where they are in its input, at
		// an
		// offset
		String json = "{\"a\": \"" + LONG + "\", \"n\": 1234567}";
		LongStringValues values = LongStringValues.extract(InnerMessages.unescaped(json));
		char[] text = new String(values.text(), 0, values.length(), StandardCharsets.US_ASCII).toCharArray();
		try (JsonParser plain = READER.createParser(text, 0, text.length);
				LongStringParser parser = values.restoring(plain)) {
			parser.nextToken();
			parser.nextName();
			assertThat(parser.nextStringValue()).isEqualTo(LONG);
			parser.nextName();
			assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
			assertThat(parser.hasStringCharacters()).isEqualTo(plain.hasStringCharacters());
			assertThat(parser.getStringOffset()).isPositive();
			assertThat(characters(parser)).isEqualTo("1234567");
			assertThat(parser.restoredAll()).isTrue();
		}
	}

	@Test
	void skippedValuesAreCountedAndNotRestored() {
		try (LongStringParser parser = parser(DOCUMENT)) {
			parser.nextToken();
			parser.nextName();
			parser.nextToken();
			assertThat(parser.skipChildren()).as("a string has no children").isSameAs(parser);
			assertThat(parser.getString()).isEqualTo(LONG + "1");
			assertThat(parser.nextName()).isEqualTo("b");
			parser.nextToken();
			parser.skipChildren();
			assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
			assertThat(parser.nextName()).isEqualTo("d");
			assertThat(parser.nextStringValue()).isEqualTo(LONG + "4");
			assertThat(parser.restoredAll()).isFalse();
		}
	}

	@Test
	void skippingPastTheEndOfATruncatedDocumentFails() {
		String truncated = "{\"a\": [\"" + LONG + "\", [1, 2]";
		LongStringValues values = LongStringValues.extract(InnerMessages.unescaped(truncated));
		assertThat(values).isNotNull();
		try (JsonParser plain = READER.createParser(values.text(), 0, values.length());
				LongStringParser parser = values.restoring(plain)) {
			parser.nextToken();
			parser.nextName();
			parser.nextToken();
			assertThatExceptionOfType(JacksonException.class).isThrownBy(parser::skipChildren)
				.withMessageContaining("end-of-input");
		}
	}

	/**
	 * The current token's text as {@code getStringCharacters} and its offset and length
	 * give it.
	 */
	private static String characters(JsonParser parser) {
		return new String(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
	}

	private static LongStringParser parser(String json) {
		LongStringValues values = LongStringValues.extract(InnerMessages.unescaped(json));
		assertThat(values).isNotNull();
		return values.restoring(READER.createParser(values.text(), 0, values.length()));
	}

}
