package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.oslo4j.rpc.MalformedMessageException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bulk paths for long strings ({@link LongStrings} when writing, the char parser in
 * {@link Envelope} when reading) give exactly what Jackson's own paths give.
 */
class LongStringsTest {

	// what OsloJson configured before the bulk path: the reference
	private static final JsonMapper REFERENCE = JsonMapper
		.builder(JsonFactory.builder()
			.characterEscapes(PythonCharacterEscapes.INSTANCE)
			.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.build())
		.addModule(PythonFloats.module())
		.build();

	private static final String[] PIECES = { "a", "Z", "0", " ", "~", "-", "/", "\"", "\\", "\n", "\t", "\r", "\b",
			"\f", "\u0001", "\u001f", "\u007f", "\u0080", "é", "ÿ", "€", "\uffff", "😀", "x".repeat(40) };

	private final WireCodec codec = WireCodec.defaultCodec();

	@Test
	void randomStringsAreWrittenAsJacksonWritesThem() {
		Random random = new Random(20261124);
		for (int n = 0; n < 3000; n++) {
			String value = randomString(random, random.nextInt(400));
			Map<String, Object> args = Map.of("s", value, "list", List.of(value, "short"));
			assertThat(new String(OsloJson.mapper().writeValueAsBytes(args), StandardCharsets.UTF_8))
				.as("string %d: %s", n, value)
				.isEqualTo(new String(REFERENCE.writeValueAsBytes(args), StandardCharsets.UTF_8));
		}
	}

	@Test
	void aLongPlainStringIsWrittenWholeBetweenQuotes() {
		String plain = "abc ~!#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}".repeat(50);
		assertThat(bytes(plain)).isEqualTo("\"" + plain + "\"");
		assertThat(bytes(plain + "\u007f")).endsWith("\\u007f\"");
		assertThat(bytes(plain + "é")).endsWith("\\u00e9\"");
		assertThat(bytes(plain + "\"")).endsWith("\\\"\"");
		// a String target has no bytes to copy: Jackson writes it, the same way
		assertThat(OsloJson.mapper().writeValueAsString(plain + "é")).isEqualTo(bytes(plain + "é"));
	}

	@Test
	void longRequestsRoundTripThroughTheEnvelopeAsShortOnesDo() {
		Random random = new Random(7);
		for (int n = 0; n < 300; n++) {
			String value = randomString(random, 200 + random.nextInt(3000));
			Map<String, Object> args = new LinkedHashMap<>();
			args.put("s", value);
			args.put("n", List.of(1, -2.5, 1e300, true));
			RequestMessage request = RequestMessage.cast("echo", args, null, "1.0", Map.of("user", value));
			byte[] body = this.codec.encodeRequest(request);
			assertThat(body).as("request %d", n).isEqualTo(new WireCodec(REFERENCE).encodeRequest(request));
			RequestMessage decoded = this.codec.decodeRequest(body);
			assertThat(decoded.args()).isEqualTo(args);
			assertThat(decoded.context()).containsEntry("user", value);
		}
	}

	@Test
	void aLongInnerMessageParsedFromCharsEqualsTheByteParse() {
		String inner = "{\"method\": \"echo\", \"args\": {\"s\": \"" + "q\\\"\\\\\\n\\u00e9\\ud83d\\ude00 ".repeat(200)
				+ "\", \"x\": [1, 2.5, -0.0, NaN, Infinity, null, true, {}]}}";
		assertThat(inner.length()).isGreaterThan(InnerMessageReader.CHAR_PARSE_MIN_LENGTH);
		Envelope envelope = new Envelope(OsloJson.mapper());
		Map<String, Object> viaChars = envelope.unwrap(envelope.wrap(inner));
		assertThat(viaChars).isEqualTo(envelope.parse(inner));
		assertThat(((Map<?, ?>) viaChars.get("args")).get("s").toString()).startsWith("q\"\\\né😀 q");
	}

	@Test
	void longInnerMessagesWithRawUtf8AreStillParsedFromBytesAndCheckedStrictly() {
		Envelope envelope = new Envelope(OsloJson.mapper());
		String text = "é€".repeat(600);
		byte[] valid = ("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"s\\\": \\\"" + text + "\\\"}\"}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(envelope.unwrap(valid)).containsEntry("s", text);
		byte[] invalid = valid.clone();
		invalid[60] = (byte) 0xC3;
		invalid[61] = (byte) 0x28;
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> envelope.unwrap(invalid))
			.withMessageContaining("UTF-8");
	}

	@Test
	void aTruncatedLongMessageIsRejectedNamingTheProblem() {
		String inner = "{\"method\": \"echo\", \"args\": {\"s\": \"" + "x".repeat(5000) + "\"";
		Envelope envelope = new Envelope(OsloJson.mapper());
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> envelope.unwrap(envelope.wrap(inner)))
			.withMessageStartingWith("Message is not valid JSON: ");
	}

	private static String bytes(String value) {
		return new String(OsloJson.mapper().writeValueAsBytes(value), StandardCharsets.UTF_8);
	}

	private static String randomString(Random random, int length) {
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			// mostly plain text, so that the bulk path is taken as often as the other
			text.append((random.nextInt(4) == 0) ? PIECES[random.nextInt(PIECES.length)]
					: PIECES[PIECES.length - 1].substring(random.nextInt(40)));
		}
		return text.toString();
	}

}
