package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.oslo4j.rpc.MalformedMessageException;
import io.oslo4j.rpc.server.DispatchFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Edges of the wire format where one wrong line would break compatibility with Python
 * silently: bad escapes and a wrong last byte on the fast decode path, the UTF-8 length
 * boundaries, negative exponents of floats, the failures' {@code tb} list and the form of
 * generated ids.
 */
class WireEdgeCasesTest {

	private static final String PREFIX = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"";

	private final WireCodec codec = WireCodec.defaultCodec();

	@Test
	void aBadUnicodeEscapeIsRefusedNotDecodedAsNul() {
		for (String escape : new String[] { "\\u12zz", "\\uzz12", "\\u12", "\\u00g0", "\\u-001" }) {
			byte[] body = ascii(PREFIX + "{\\\"method\\\": \\\"a" + escape + "\\\"}\"}");
			assertThat(Envelope.innerMessage(body)).as(escape).isNull();
			assertThatExceptionOfType(MalformedMessageException.class).as(escape)
				.isThrownBy(() -> this.codec.decodeRequest(body));
		}
	}

	@Test
	void aUnicodeEscapeCutByTheEndOfTheStringIsRefused() {
		for (String text : new String[] { "\\u12", "\\u", "\\", "\\ud83d\\ude0", "\\ud83d", "\\udfff", "\\udc00x",
				"\\ud83dx\\ude00" }) {
			byte[] in = ascii(text);
			assertThat(JsonStringBytes.unescape(in, 0, in.length)).as(text).isNull();
		}
		// the digits after the end of the range are not part of the escape
		byte[] in = ascii("\\u12ab");
		assertThat(JsonStringBytes.unescape(in, 0, 4)).isNull();
	}

	@Test
	void aBodyWithTheEnvelopesPrefixButAnotherEndIsNotTakenForAnEnvelope() {
		for (String end : new String[] { "\"]", "\"x", "x}", "}}", "\" " }) {
			byte[] body = ascii(PREFIX + "{}" + end);
			assertThat(Envelope.innerMessage(body)).as(end).isNull();
			assertThatExceptionOfType(MalformedMessageException.class).as(end)
				.isThrownBy(() -> this.codec.decodeRequest(body));
		}
		byte[] exact = ascii(PREFIX + "{}\"}");
		assertThat(Envelope.innerMessage(exact)).isNotNull();
		assertThat(Envelope.innerMessage(ascii(PREFIX.substring(0, PREFIX.length() - 1) + "{}\"}"))).isNull();
		assertThat(Envelope.innerMessage(ascii(PREFIX))).isNull();
		assertThat(Envelope.innerMessage(ascii(PREFIX + "\"}"))).isNotNull();
	}

	@Test
	void escapesAtTheUtf8LengthBoundariesDecodeToTheirCharacters() {
		String[] escapes = { "\\u007f", "\\u0080", "\\u07ff", "\\u0800", "\\uffff", "\\ud800\\udc00",
				"\\udbff\\udfff" };
		String[] characters = { "\u007f", "\u0080", "\u07ff", "\u0800", "\uffff", "\ud800\udc00", "\udbff\udfff" };
		for (int i = 0; i < escapes.length; i++) {
			byte[] in = ascii(escapes[i]);
			JsonStringBytes.Result result = JsonStringBytes.unescape(in, 0, in.length);
			assertThat(result).as(escapes[i]).isNotNull();
			byte[] expected = characters[i].getBytes(StandardCharsets.UTF_8);
			assertThat(java.util.Arrays.copyOf(result.bytes(), result.length())).as(escapes[i]).isEqualTo(expected);
			// the escape in the envelope's string: the inner JSON holds the character
			// itself
			byte[] body = ascii(PREFIX + "{\\\"method\\\": \\\"" + escapes[i] + "\\\"}\"}");
			assertThat(this.codec.decodeRequest(body).method()).as(escapes[i]).isEqualTo(characters[i]);
		}
	}

	@Test
	void aLongInnerMessageWithRawUtf8IsDecodedAsUtf8() {
		String text = "\u00e9\u20ac".repeat(600);
		byte[] body = (PREFIX + "{\\\"method\\\": \\\"" + text + "\\\"}\"}").getBytes(StandardCharsets.UTF_8);
		assertThat(Envelope.innerMessage(body).length()).isGreaterThan(InnerMessageReader.CHAR_PARSE_MIN_LENGTH);
		assertThat(this.codec.decodeRequest(body).method()).isEqualTo(text);
	}

	@Test
	void smallAndLargeExponentsAreWrittenAsPythonWritesThem() {
		assertThat(PythonFloats.repr(1e-10)).isEqualTo("1e-10");
		assertThat(PythonFloats.repr(-2.5e-10)).isEqualTo("-2.5e-10");
		assertThat(PythonFloats.repr(1e-100)).isEqualTo("1e-100");
		assertThat(PythonFloats.repr(1e-5)).isEqualTo("1e-05");
		assertThat(PythonFloats.repr(1e10)).isEqualTo("10000000000.0");
		assertThat(PythonFloats.repr(1e17)).isEqualTo("1e+17");
		assertThat(PythonFloats.repr(1.5e300)).isEqualTo("1.5e+300");
		assertThat(PythonFloats.repr(1e-10f)).isEqualTo("1e-10");
		assertThat(PythonFloats.repr(-0.0f)).isEqualTo("-0.0");
		assertThat(PythonFloats.repr(0.0f)).isEqualTo("0.0");
		assertThat(PythonFloats.repr(Float.NaN)).isEqualTo("NaN");
		assertThat(PythonFloats.repr(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
		assertThat(PythonFloats.repr(Float.POSITIVE_INFINITY)).isEqualTo("Infinity");
		assertThat(PythonFloats.repr(1.4e-45f)).isEqualTo("1e-45");
		assertThat(PythonFloats.repr(1.5f)).isEqualTo("1.5");
		assertThat(PythonFloats.repr(-0.25f)).isEqualTo("-0.25");
	}

	@Test
	void dispatcherFailuresCarryAnEmptyTracebackListNeverNull() {
		for (DispatchFailure failure : List.of(DispatchFailure.noSuchMethod("m"),
				DispatchFailure.unsupportedVersion("2.0", "m"), DispatchFailure.builtin("TypeError", "bad"))) {
			byte[] body = this.codec.encodeReply(ReplyMessage.failure("m1", failure.failure()));
			String text = new String(body, StandardCharsets.US_ASCII);
			// the failure is a JSON string inside the envelope's string: escaped twice
			assertThat(text).as(failure.getMessage())
				.contains("\\\\\\\"tb\\\\\\\": []")
				.doesNotContain("tb\\\\\\\": null");
			assertThat(this.codec.decodeReply(body).failure().traceback()).isEmpty();
		}
		assertThat(FailureRecord.of("C", "m", "x").toMap()).containsEntry("tb", List.of())
			.containsEntry("args", List.of("x"))
			.containsEntry("kwargs", Map.of());
	}

	@Test
	void generatedIdsAreUuid4Hex() {
		List<Set<Character>> seen = new ArrayList<>();
		for (int position = 0; position < 32; position++) {
			seen.add(new HashSet<>());
		}
		for (int i = 0; i < 2_000; i++) {
			String id = MessageIds.next();
			assertThat(id).matches("[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}");
			for (int position = 0; position < 32; position++) {
				seen.get(position).add(id.charAt(position));
			}
		}
		// every random digit takes all 16 values, the variant digit its 4
		for (int position = 0; position < 32; position++) {
			int expected = (position == 12) ? 1 : (position == 16) ? 4 : 16;
			assertThat(seen.get(position)).as("digit " + position).hasSize(expected);
		}
	}

	@Test
	void charactersAreEscapedAsPythonEscapesThem() {
		PythonCharacterEscapes escapes = PythonCharacterEscapes.INSTANCE;
		assertThat(escapes.getEscapeSequence(0x00ff).getValue()).isEqualTo("\\u00ff");
		assertThat(escapes.getEscapeSequence(0x0100).getValue()).isEqualTo("\\u0100");
		assertThat(escapes.getEscapeSequence(0x1f600).getValue()).isEqualTo("\\ud83d\\ude00");
		assertThat(escapes.getEscapeSequence(0x10000).getValue()).isEqualTo("\\ud800\\udc00");
		assertThat(escapes.getEscapeSequence(0x10ffff).getValue()).isEqualTo("\\udbff\\udfff");
	}

	@Test
	void aJavaExceptionWithoutMessageIsAnEmptyMessage() {
		FailureRecord failure = FailureRecord.of(new IllegalStateException());
		assertThat(failure.message()).isEmpty();
		assertThat(failure.args()).containsExactly("");
		assertThat(failure.traceback().get(1)).isEqualTo("java.lang.IllegalStateException: \n");
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
