package io.oslo4j.rpc.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.MalformedMessageException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link WireCodec} rules: the 2.0 envelope and its receiver rules (spec §4.1 and
 * Appendix B), the request and reply key rules (§4.2, §5.1), and escaping exactly like
 * Python's {@code json.dumps} (ensure_ascii). The {@code PY_*} strings were produced by
 * {@code /usr/bin/python3} ({@code json.dumps} of the inner dict, then of the envelope,
 * as oslo and kombu do) and are embedded as Java literals.
 */
class WireCodecTest {

	// python3: env({"method": "m", "args": {"s": S, "big":
	// 123456789012345678901234567890,
	// "neg": -9223372036854775809}, "_unique_id": "u1", "_context_été": "é"})
	private static final String PY_ESCAPES = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"method\\\": \\\"m\\\", \\\"args\\\": {\\\"s\\\": \\\"caf\\\\u00e9 \\\\ud83d\\\\ude00 \\\\u001b[0m\\\\n\\\\t\\\\r\\\\b\\\\f\\\\u007f\\\\u0000 \\\\\\\"q\\\\\\\" \\\\\\\\ / \\\\u2028\\\\uffff\\\", \\\"big\\\": 123456789012345678901234567890, \\\"neg\\\": -9223372036854775809}, \\\"_unique_id\\\": \\\"u1\\\", \\\"_context_\\\\u00e9t\\\\u00e9\\\": \\\"\\\\u00e9\\\"}\"}";

	private static final String PY_FAILURE = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"result\\\": null, \\\"failure\\\": \\\"{\\\\\\\"class\\\\\\\": \\\\\\\"ValueError\\\\\\\", \\\\\\\"module\\\\\\\": \\\\\\\"builtins\\\\\\\", \\\\\\\"message\\\\\\\": \\\\\\\"caf\\\\\\\\u00e9 \\\\\\\\\\\\\\\"x\\\\\\\\\\\\\\\"\\\\\\\\n\\\\\\\", \\\\\\\"tb\\\\\\\": [\\\\\\\"Traceback (most recent call last):\\\\\\\\n\\\\\\\", \\\\\\\"ValueError: caf\\\\\\\\u00e9\\\\\\\\n\\\\\\\"], \\\\\\\"args\\\\\\\": [\\\\\\\"caf\\\\\\\\u00e9 \\\\\\\\\\\\\\\"x\\\\\\\\\\\\\\\"\\\\\\\\n\\\\\\\", 42, null], \\\\\\\"kwargs\\\\\\\": {\\\\\\\"code\\\\\\\": 7}}\\\", \\\"ending\\\": true, \\\"_msg_id\\\": \\\"m1\\\", \\\"_unique_id\\\": \\\"u1\\\"}\"}";

	private static final String PY_CALL_NO_MONITOR = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"method\\\": \\\"ping\\\", \\\"args\\\": {}, \\\"_msg_id\\\": \\\"m1\\\", \\\"_reply_q\\\": \\\"reply_q\\\", \\\"_timeout\\\": null, \\\"_unique_id\\\": \\\"u1\\\"}\"}";

	private static final String PY_CAST_CONTEXT = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"method\\\": \\\"ping\\\", \\\"args\\\": {}, \\\"_unique_id\\\": \\\"u1\\\", \\\"_context_z\\\": 1, \\\"_context_a\\\": [true, false], \\\"_context_m\\\": {\\\"n\\\": null}}\"}";

	private static final String PY_CAST_NS_VERSION = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"method\\\": \\\"ping\\\", \\\"args\\\": {\\\"a\\\": \\\"b\\\"}, \\\"namespace\\\": \\\"ns\\\", \\\"version\\\": \\\"1.3\\\", \\\"_unique_id\\\": \\\"u1\\\"}\"}";

	private static final String PY_REPLY_NULL = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"result\\\": null, \\\"failure\\\": null, \\\"ending\\\": true, \\\"_msg_id\\\": \\\"m1\\\", \\\"_unique_id\\\": \\\"u1\\\"}\"}";

	// python3: env({"result": [1.5, 0.1, 1e16, 1e-05, 10000000.0, 1700000000.123, 100.0,
	// -0.0, 0.002, 1e22], ...})
	private static final String PY_FLOATS = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"result\\\": [1.5, 0.1, 1e+16, 1e-05, 10000000.0, 1700000000.123, 100.0, -0.0, 0.002, 1e+22], \\\"failure\\\": null, \\\"ending\\\": true, \\\"_msg_id\\\": \\\"m1\\\", \\\"_unique_id\\\": \\\"u1\\\"}\"}";

	private static final String SPECIAL = "caf\u00e9 \uD83D\uDE00 \u001b[0m\n\t\r\b\f\u007f\u0000 \"q\" \\ / \u2028\uffff";

	private final WireCodec codec = WireCodec.defaultCodec();

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static String ascii(byte[] b) {
		return new String(b, StandardCharsets.US_ASCII);
	}

	private static Map<String, @Nullable Object> map(@Nullable Object... keyValues) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

	private static List<@Nullable Object> list(@Nullable Object... values) {
		return new ArrayList<>(Arrays.asList(values));
	}

	private static String envelope(String innerJson) {
		StringBuilder escaped = new StringBuilder();
		for (char c : innerJson.toCharArray()) {
			if (c == '"' || c == '\\') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return "{\"oslo.version\": \"2.0\", \"oslo.message\": \"" + escaped + "\"}";
	}

	// ---- envelope (Appendix B, §4.1)
	// ---------------------------------------------------

	@Test
	void bareLegacyDictIsAccepted() {
		RequestMessage request = this.codec
			.decodeRequest(utf8("{\"method\": \"echo\", \"args\": {\"a\": 1}, \"_unique_id\": \"u1\", "
					+ "\"_context_user_id\": \"u\", \"_msg_id\": \"m\", \"_reply_q\": \"r\", \"_timeout\": 4}"));
		assertThat(request.method()).isEqualTo("echo");
		assertThat(request.args()).isEqualTo(map("a", 1));
		assertThat(request.uniqueId()).isEqualTo("u1");
		assertThat(request.context()).isEqualTo(map("user_id", "u"));
		assertThat(request.msgId()).isEqualTo("m");
		assertThat(request.replyQueue()).isEqualTo("r");
		assertThat(request.timeout()).isEqualTo(4);
		assertThat(request.isCall()).isTrue();
		ReplyMessage reply = this.codec
			.decodeReply(utf8("{\"result\": 1, \"failure\": null, \"ending\": true, \"_msg_id\": \"m\"}"));
		assertThat(reply.result()).isEqualTo(1);
		assertThat(reply.ending()).isTrue();
	}

	@Test
	void dictWithOnlyOneEnvelopeKeyIsALegacyMessage() {
		// oslo only unwraps when BOTH keys are present
		RequestMessage request = this.codec.decodeRequest(utf8("{\"oslo.version\": \"2.0\", \"method\": \"echo\"}"));
		assertThat(request.method()).isEqualTo("echo");
	}

	@Test
	void unsupportedEnvelopeVersionsAreRejectedNamingTheVersion() {
		for (String version : List.of("2.1", "1.0", "3.0")) {
			String body = "{\"oslo.version\": \"" + version
					+ "\", \"oslo.message\": \"{\\\"method\\\": \\\"echo\\\"}\"}";
			assertThatExceptionOfType(MalformedMessageException.class)
				.isThrownBy(() -> this.codec.decodeRequest(utf8(body)))
				.withMessageContaining(version);
			assertThatExceptionOfType(MalformedMessageException.class)
				.isThrownBy(() -> this.codec.decodeReply(utf8(body)))
				.withMessageContaining(version);
		}
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.decodeRequest(utf8("{\"oslo.version\": 2.0, \"oslo.message\": \"{}\"}")));
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.decodeRequest(utf8("{\"oslo.version\": \"two\", \"oslo.message\": \"{}\"}")));
	}

	@Test
	void malformedBodiesAreRejected() {
		List<String> bodies = List.of("hello", "", "   ", "[1, 2]", "\"text\"", "42", "null",
				"{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"method",
				"{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"method\\\": \\\"x\\\"", "{\"method\": \"x\"",
				"{\"oslo.version\": \"2.0\", \"oslo.message\": {\"method\": \"x\"}}",
				"{\"oslo.version\": \"2.0\", \"oslo.message\": null}",
				"{\"oslo.version\": \"2.0\", \"oslo.message\": \"[1]\"}",
				"{\"oslo.version\": \"2.0\", \"oslo.message\": \"not json\"}",
				// Python's json.loads refuses trailing data ("Extra data")
				"{\"method\": \"x\"} trailing", "{\"method\": \"x\"}{}",
				"{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"method\\\": \\\"x\\\"} x\"}");
		for (String body : bodies) {
			assertThatExceptionOfType(MalformedMessageException.class).as(body)
				.isThrownBy(() -> this.codec.decodeRequest(utf8(body)));
			assertThatExceptionOfType(MalformedMessageException.class).as(body)
				.isThrownBy(() -> this.codec.decodeReply(utf8(body)));
		}
	}

	@Test
	void rawUtf8IsAccepted() {
		// raw (unescaped) UTF-8 both in the outer JSON and inside the inner string
		String inner = "{\"method\": \"echo\", \"args\": {\"s\": \"caf\u00e9 \uD83D\uDE00\"}, \"_context_n\u00e9\": \"\u00fc\"}";
		RequestMessage request = this.codec.decodeRequest(utf8(envelope(inner)));
		assertThat(request.args()).isEqualTo(map("s", "caf\u00e9 \uD83D\uDE00"));
		assertThat(request.context()).isEqualTo(map("n\u00e9", "\u00fc"));
		// and the re-encoded message is pure ASCII with Python's escapes
		RequestMessage cast = new RequestMessage("echo", request.args(), null, null, null, null, null, "u1",
				request.context());
		assertThat(ascii(this.codec.encodeRequest(cast))).isEqualTo(envelope(
				"{\"method\": \"echo\", \"args\": {\"s\": \"caf\\u00e9 \\ud83d\\ude00\"}, \"_unique_id\": \"u1\", \"_context_n\\u00e9\": \"\\u00fc\"}"));
	}

	@Test
	void escapingIsExactlyPythons() {
		RequestMessage cast = new RequestMessage("m",
				map("s", SPECIAL, "big", new BigInteger("123456789012345678901234567890"), "neg",
						new BigInteger("-9223372036854775809")),
				null, null, null, null, null, "u1", map("\u00e9t\u00e9", "\u00e9"));
		byte[] body = this.codec.encodeRequest(cast);
		assertThat(ascii(body)).isEqualTo(PY_ESCAPES);
		assertThat(body).isEqualTo(PY_ESCAPES.getBytes(StandardCharsets.US_ASCII));
		for (byte b : body) {
			assertThat(b & 0xff).isBetween(0x20, 0x7e);
		}
		// short escapes are kept short, control characters get lower-case \\u00xx
		assertThat(ascii(body)).contains("\\\\n\\\\t\\\\r\\\\b\\\\f").contains("\\\\u001b").doesNotContain("\\\\u001B");
		// and decoding gives the original values back
		RequestMessage decoded = this.codec.decodeRequest(body);
		assertThat(decoded.args()).isEqualTo(cast.args());
		assertThat(decoded.context()).isEqualTo(cast.context());
	}

	@Test
	void failureIsAJsonStringWithPythonEscaping() {
		FailureRecord failure = new FailureRecord("ValueError", "builtins", "caf\u00e9 \"x\"\n",
				List.of("Traceback (most recent call last):\n", "ValueError: caf\u00e9\n"),
				list("caf\u00e9 \"x\"\n", 42, null), map("code", 7));
		byte[] body = this.codec.encodeReply(new ReplyMessage(null, failure, true, "m1", "u1"));
		assertThat(ascii(body)).isEqualTo(PY_FAILURE);
		ReplyMessage decoded = this.codec.decodeReply(body);
		assertThat(decoded.failure()).isEqualTo(failure);
		assertThat(decoded.ending()).isTrue();
		assertThat(decoded.result()).isNull();
	}

	// ---- request keys (§4.2) -------------------------------------------------------

	@Test
	void namespaceAndVersionAreOmittedWhenNullNeverWrittenAsNull() {
		String body = ascii(
				this.codec.encodeRequest(new RequestMessage("ping", map(), null, null, null, null, null, "u1", map())));
		assertThat(body).doesNotContain("namespace").doesNotContain("version\\\"").doesNotContain("null");
		assertThat(ascii(this.codec
			.encodeRequest(new RequestMessage("ping", map("a", "b"), "ns", "1.3", null, null, null, "u1", map()))))
			.isEqualTo(PY_CAST_NS_VERSION);
	}

	@Test
	void argsAreAlwaysAnObject() {
		String body = ascii(
				this.codec.encodeRequest(new RequestMessage("ping", null, null, null, null, null, null, "u1", map())));
		assertThat(body).isEqualTo(envelope("{\"method\": \"ping\", \"args\": {}, \"_unique_id\": \"u1\"}"));
	}

	@Test
	void callsAlwaysCarryTimeoutNullWhenUnset() {
		byte[] body = this.codec
			.encodeRequest(new RequestMessage("ping", map(), null, null, "m1", "reply_q", null, "u1", map()));
		assertThat(ascii(body)).isEqualTo(PY_CALL_NO_MONITOR);
		RequestMessage call = RequestMessage.call("ping", map(), null, null, "m1", "reply_q", null, map());
		assertThat(ascii(this.codec.encodeRequest(call))).contains("\\\"_timeout\\\": null, \\\"_unique_id\\\"");
		RequestMessage monitored = RequestMessage.call("ping", map(), null, null, "m1", "reply_q", 30, map());
		assertThat(ascii(this.codec.encodeRequest(monitored))).contains("\\\"_timeout\\\": 30, ");
	}

	@Test
	void castsNeverCarryCallKeys() {
		// even with a stray timeout or reply queue, a cast (no msg id) has no call keys
		for (RequestMessage cast : List.of(
				new RequestMessage("ping", map(), null, null, null, "reply_q", 5, "u1", map()),
				new RequestMessage("ping", map(), null, null, "", "reply_q", 5, "u1", map()),
				RequestMessage.cast("ping", map(), null, null, map()))) {
			String body = ascii(this.codec.encodeRequest(cast));
			assertThat(body).doesNotContain("_msg_id").doesNotContain("_reply_q").doesNotContain("_timeout");
			assertThat(cast.isCall()).isFalse();
		}
	}

	@Test
	void contextIsPackedInOrderAfterTheUniqueId() {
		byte[] body = this.codec.encodeRequest(new RequestMessage("ping", map(), null, null, null, null, null, "u1",
				map("z", 1, "a", list(true, false), "m", map("n", null))));
		assertThat(ascii(body)).isEqualTo(PY_CAST_CONTEXT);
		RequestMessage decoded = this.codec.decodeRequest(body);
		assertThat(new ArrayList<>(decoded.context().keySet())).containsExactly("z", "a", "m");
		assertThat(decoded.context()).isEqualTo(map("z", 1, "a", list(true, false), "m", map("n", null)));
	}

	@Test
	void unpackingTakesOnlyContextKeysAndStripsThePrefix() {
		RequestMessage request = this.codec.decodeRequest(utf8(envelope(
				"{\"_context_b\": 2, \"method\": \"x\", \"context_x\": 1, \"_context_a\": null, \"_msg_id\": \"m\"}")));
		assertThat(request.context()).isEqualTo(map("b", 2, "a", null));
		assertThat(new ArrayList<>(request.context().keySet())).containsExactly("b", "a");
		assertThat(this.codec.decodeRequest(utf8(envelope("{\"method\": \"x\"}"))).context()).isEmpty();
	}

	@Test
	void decodingAppliesOslosDefaults() {
		RequestMessage noArgsNoVersion = this.codec.decodeRequest(utf8(envelope("{\"method\": \"x\"}")));
		assertThat(noArgsNoVersion.args()).isEqualTo(Map.of());
		assertThat(noArgsNoVersion.version()).isEqualTo("1.0");
		assertThat(noArgsNoVersion.namespace()).isNull();
		assertThat(noArgsNoVersion.msgId()).isNull();
		assertThat(noArgsNoVersion.timeout()).isNull();
		assertThat(noArgsNoVersion.uniqueId()).isNull();
		assertThat(noArgsNoVersion.isCall()).isFalse();

		RequestMessage nulls = this.codec.decodeRequest(
				utf8(envelope("{\"method\": \"x\", \"args\": null, \"version\": null, \"namespace\": null}")));
		assertThat(nulls.args()).isNull();
		assertThat(nulls.version()).isNull();
		assertThat(nulls.namespace()).isNull();

		RequestMessage wrongTypes = this.codec.decodeRequest(
				utf8(envelope("{\"method\": \"x\", \"args\": [1], \"version\": 1.5, \"_timeout\": \"abc\"}")));
		assertThat(wrongTypes.args()).isEqualTo(List.of(1));
		assertThat(wrongTypes.version()).isEqualTo(1.5);
		assertThat(wrongTypes.timeout()).isEqualTo("abc");
	}

	@Test
	void bigIntegersRoundTrip() {
		String inner = "{\"method\": \"x\", \"args\": {\"big\": 123456789012345678901234567890, "
				+ "\"long\": 9223372036854775807, \"small\": -9223372036854775809, \"int\": 7}, \"_unique_id\": \"u1\"}";
		byte[] body = utf8(envelope(inner));
		RequestMessage request = this.codec.decodeRequest(body);
		Map<?, ?> args = (Map<?, ?>) request.args();
		assertThat(args.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
		assertThat(args.get("long")).isEqualTo(Long.MAX_VALUE);
		assertThat(args.get("small")).isEqualTo(new BigInteger("-9223372036854775809"));
		assertThat(args.get("int")).isEqualTo(7);
		// decoding filled in oslo's default version "1.0"; re-encode without it
		RequestMessage same = new RequestMessage(request.method(), request.args(), null, null, null, null, null,
				request.uniqueId(), request.context());
		assertThat(this.codec.encodeRequest(same)).isEqualTo(body);
	}

	// ---- replies (§5.1) ------------------------------------------------------------

	@Test
	void replyAlwaysHasResultFailureAndEnding() {
		assertThat(ascii(this.codec.encodeReply(new ReplyMessage(null, null, true, "m1", "u1"))))
			.isEqualTo(PY_REPLY_NULL);
		ReplyMessage heartbeat = ReplyMessage.heartbeat("m1");
		assertThat(heartbeat.isHeartbeat()).isTrue();
		assertThat(ascii(this.codec.encodeReply(heartbeat)))
			.startsWith(envelope("{\"result\": null, \"failure\": null, \"ending\": false, \"_msg_id\": \"m1\", ")
				.replace("\"}", ""));
		ReplyMessage result = ReplyMessage.result("m1", "done");
		assertThat(result.ending()).isTrue();
		assertThat(result.uniqueId()).matches("[0-9a-f]{32}")
			.isNotEqualTo(ReplyMessage.result("m1", "done").uniqueId());
		ReplyMessage failure = ReplyMessage.failure("m1", FailureRecord.of("KeyError", "builtins", "k"));
		assertThat(failure.ending()).isTrue();
		assertThat(failure.isHeartbeat()).isFalse();
	}

	@Test
	void replyDecodingIsLenientLikeOslo() {
		ReplyMessage noEnding = this.codec.decodeReply(utf8(envelope("{\"result\": 1, \"failure\": null}")));
		assertThat(noEnding.ending()).isFalse();
		assertThat(noEnding.result()).isEqualTo(1);
		ReplyMessage emptyFailure = this.codec
			.decodeReply(utf8(envelope("{\"result\": null, \"failure\": \"\", \"ending\": true}")));
		assertThat(emptyFailure.failure()).isNull();
		ReplyMessage objectFailure = this.codec.decodeReply(utf8(envelope(
				"{\"result\": null, \"failure\": {\"class\": \"KeyError\", \"module\": \"builtins\", \"message\": \"'k'\", \"args\": [\"k\"]}, \"ending\": true}")));
		assertThat(objectFailure.failure())
			.isEqualTo(new FailureRecord("KeyError", "builtins", "'k'", List.of(), List.of("k"), Map.of()));
		ReplyMessage noModule = this.codec.decodeReply(utf8(envelope(
				"{\"result\": null, \"failure\": \"{\\\"class\\\": \\\"X\\\", \\\"message\\\": \\\"m\\\"}\", \"ending\": true}")));
		assertThat(noModule.failure().module()).isNull();
		assertThat(noModule.failure().className()).isEqualTo("X");
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec
			.decodeReply(utf8(envelope("{\"result\": null, \"failure\": \"{not json\", \"ending\": true}"))));
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(
				() -> this.codec.decodeReply(utf8(envelope("{\"result\": null, \"failure\": 5, \"ending\": true}"))));
	}

	@Test
	void floatsMatchPythonRepr() {
		List<@Nullable Object> floats = list(1.5, 0.1, 1e16, 1e-05, 10000000.0, 1700000000.123, 100.0, -0.0, 0.002,
				1e22);
		byte[] body = this.codec.encodeReply(new ReplyMessage(floats, null, true, "m1", "u1"));
		assertThat(ascii(body)).isEqualTo(PY_FLOATS);
		assertThat(this.codec.decodeReply(body).result()).isEqualTo(floats);
	}

	@Test
	void floatEdgeCasesMatchPythonRepr() {
		// python3: json.dumps([1e15, 0.0001, 1e100, 5e-324, 1.7976931348623157e308,
		// 123.456, -1.5e-7, 2.5e-5, 1e16+2, 9007199254740993.0, nan, inf, -inf, 0.3,
		// 2/3])
		String python = "[1000000000000000.0, 0.0001, 1e+100, 5e-324, 1.7976931348623157e+308, 123.456, -1.5e-07, "
				+ "2.5e-05, 1.0000000000000002e+16, 9007199254740992.0, NaN, Infinity, -Infinity, 0.3, 0.6666666666666666]";
		List<@Nullable Object> values = list(1e15, 0.0001, 1e100, 5e-324, 1.7976931348623157e308, 123.456, -1.5e-7,
				2.5e-5, 1e16 + 2, 9007199254740993.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
				0.3, 2.0 / 3);
		String inner = "{\"result\": " + python
				+ ", \"failure\": null, \"ending\": true, \"_msg_id\": \"m1\", \"_unique_id\": \"u1\"}";
		byte[] body = this.codec.encodeReply(new ReplyMessage(values, null, true, "m1", "u1"));
		assertThat(ascii(body)).isEqualTo(envelope(inner));
		// Python reads NaN/Infinity back, so must we
		assertThat(this.codec.decodeReply(body).result()).isEqualTo(values);
		assertThat(PythonFloats.repr(0.1f)).isEqualTo("0.1");
		assertThat(PythonFloats.repr(1e20f)).isEqualTo("1e+20");
	}

	@Test
	void envelopeKeepsTheBodyAsciiEvenForAnUnescapedInnerString() {
		// a mapper configured without Python escapes would hand raw characters to the
		// envelope; it escapes them as json.dumps does
		byte[] body = new Envelope(OsloJson.mapper()).wrap("{\"s\": \"\u00e9\u2028\n\t\u0001\"}");
		assertThat(ascii(body)).isEqualTo(
				"{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"s\\\": \\\"\\u00e9\\u2028\\n\\t\\u0001\\\"}\"}");
	}

}
