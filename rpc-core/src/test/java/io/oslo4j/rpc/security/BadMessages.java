package io.oslo4j.rpc.security;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import static io.oslo4j.rpc.security.Messages.args;
import static io.oslo4j.rpc.security.Messages.bytes;
import static io.oslo4j.rpc.security.Messages.dispatched;
import static io.oslo4j.rpc.security.Messages.envelope;
import static io.oslo4j.rpc.security.Messages.envelopeOf;
import static io.oslo4j.rpc.security.Messages.failure;
import static io.oslo4j.rpc.security.Messages.json;
import static io.oslo4j.rpc.security.Messages.rejected;
import static io.oslo4j.rpc.security.Messages.result;

/**
 * Generates bad messages for {@link FuzzEndpoint} (version 1.0), category after category,
 * each varied by a seeded random, with the outcome oslo's rules give each (spec Appendix
 * B, as {@code interop.BadInputTest} checks them against Python).
 */
final class BadMessages {

	private static final List<Object> WRONG_ARGS = Arrays.asList(null, List.of(1, 2), "args", 42, 1.5, true, false);

	private static final List<Object> NOT_A_LONG = Arrays.asList(null, Map.of("x", 1), List.of(1), "abc",
			BigInteger.TWO.pow(70), BigInteger.TWO.pow(70).negate(), Map.of("@class", "java.lang.ProcessBuilder"));

	private static final List<String> FORBIDDEN = List.of("nope", "_hidden", "priv", "prot", "pkg", "util", "getClass",
			"wait", "notify", "notifyAll", "hashCode", "toString", "equals", "clone", "finalize", "", "__init__", "ADD",
			"add ");

	private static final List<Object> BAD_ENVELOPE_VERSIONS = Arrays.asList("2.1", "1.0", "3.0", "", "x", 2.0, null,
			List.of("2.0"));

	private static final List<@Nullable String> BAD_CONTENT_TYPES = Arrays.asList(null, "text/plain", "application/xml",
			"application/octet-stream", "");

	private static final byte[][] INVALID_UTF8 = { { (byte) 0xFF }, { (byte) 0xC3, 0x28 }, { (byte) 0x80 },
			{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 } };

	private final Random random;

	private final Messages messages;

	private final List<Supplier<List<BadMessage>>> categories = List.of(this::notJson, this::truncated,
			this::invalidUtf8, this::legacyBare, this::envelopeVersion, this::contentType, this::argsType,
			this::argValueType, this::bigNumber, this::deepNesting, this::methodName, this::version, this::namespace,
			this::noReplyQueue, this::timeout, this::context, this::duplicate, this::castJunk, this::gadget);

	private int next;

	BadMessages(long seed, String replyQueue) {
		this.random = new Random(seed);
		this.messages = new Messages(replyQueue);
	}

	/**
	 * Returns the next category's messages (one, or two for a duplicate).
	 * @return the messages
	 */
	List<BadMessage> next() {
		return this.categories.get(this.next++ % this.categories.size()).get();
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private Map<String, @Nullable Object> echo(@Nullable Object value) {
		return this.messages.call("echo", args("value", value));
	}

	private List<BadMessage> notJson() {
		String garbage = "x" + this.random.ints(this.random.nextInt(200), 32, 127)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
		return List.of(rejected("not-json", pick(
				List.of("{not json", "", " ", "nul", "null", "42", "\"text\"", "[1, 2]", "{\"a\":}", "}{", garbage))));
	}

	private List<BadMessage> truncated() {
		byte[] body = bytes(envelope(echo("truncated")));
		return List.of(rejected("truncated-json", Arrays.copyOf(body, 1 + this.random.nextInt(body.length - 1))));
	}

	private List<BadMessage> invalidUtf8() {
		byte[] body = bytes(envelope(echo("0123456789")));
		int at = new String(body, java.nio.charset.StandardCharsets.US_ASCII).indexOf("0123456789")
				+ this.random.nextInt(10);
		byte[] bad = pick(Arrays.asList(INVALID_UTF8));
		byte[] out = new byte[body.length + bad.length];
		System.arraycopy(body, 0, out, 0, at);
		System.arraycopy(bad, 0, out, at, bad.length);
		System.arraycopy(body, at, out, at + bad.length, body.length - at);
		return List.of(rejected("invalid-utf8", out));
	}

	private List<BadMessage> legacyBare() {
		Map<String, @Nullable Object> call = echo("bare " + this.random.nextInt());
		return List.of(result("no-envelope", bytes(json(call)), call, ((Map<?, ?>) call.get("args")).get("value")));
	}

	private List<BadMessage> envelopeVersion() {
		Object version = pick(BAD_ENVELOPE_VERSIONS);
		if (this.random.nextBoolean()) {
			return List.of(rejected("envelope-version", envelopeOf(version, json(echo("v")))));
		}
		// the right version, but oslo.message is not a string
		return List.of(rejected("envelope-message", envelopeOf("2.0", pick(Arrays.asList(echo("v"), 42, null)))));
	}

	private List<BadMessage> contentType() {
		return List.of(rejected("content-type", pick(BAD_CONTENT_TYPES), envelope(echo("ct"))));
	}

	private List<BadMessage> argsType() {
		return switch (this.random.nextInt(3)) {
			case 0 -> List.of(failure("args-type", this.messages.call("echo", pick(WRONG_ARGS)), "AttributeError"));
			case 1 -> List
				.of(failure("args-unexpected", this.messages.call("echo", args("value", 1, "nope", 2)), "TypeError"));
			default -> List.of(failure("args-missing", this.messages.call("add", args("a", 1)), "TypeError"));
		};
	}

	private List<BadMessage> argValueType() {
		return List
			.of(failure("arg-value-type", this.messages.call("add", args("a", pick(NOT_A_LONG), "b", 1)), "TypeError"));
	}

	private List<BadMessage> bigNumber() {
		if (this.random.nextBoolean()) {
			BigInteger big = BigInteger.TEN.pow(20 + this.random.nextInt(40)).add(BigInteger.valueOf(7));
			return List.of(result("number-beyond-long", echo(big), big));
		}
		// more digits than a parser takes (Jackson: 1000; CPython: 4300)
		String digits = "9".repeat(5000);
		return List.of(rejected("number-too-long", envelope(echo(Messages.RAW), digits)));
	}

	private List<BadMessage> deepNesting() {
		String deep = "[".repeat(10_000) + "]".repeat(10_000);
		if (this.random.nextBoolean()) {
			return List.of(rejected("nesting-10000", deep));
		}
		return List.of(rejected("nesting-10000-arg", envelope(echo(Messages.RAW), deep)));
	}

	private List<BadMessage> methodName() {
		Object method = this.random.nextInt(10) == 0 ? pick(Arrays.asList(null, 42, List.of("add"))) : pick(FORBIDDEN);
		return List.of(failure("method-name", this.messages.call(method, args()), "NoSuchMethod"));
	}

	private List<BadMessage> version() {
		int which = this.random.nextInt(7);
		Object version = Arrays.asList("1", null, "9.0", "1.1", 1.0, "a.b", List.of()).get(which);
		String failure = List
			.of("IndexError", "UnsupportedVersion", "UnsupportedVersion", "UnsupportedVersion", "AttributeError",
					"ValueError", "AttributeError")
			.get(which);
		Map<String, @Nullable Object> call = echo("v");
		call.put("version", version);
		return List.of(failure("version", call, failure));
	}

	private List<BadMessage> namespace() {
		Map<String, @Nullable Object> call = echo("ns");
		call.put("namespace", pick(List.of("nope", "control", "")));
		return List.of(failure("namespace", call, "UnsupportedVersion"));
	}

	private List<BadMessage> noReplyQueue() {
		Map<String, @Nullable Object> call = echo("nowhere");
		call.remove("_reply_q");
		if (this.random.nextInt(5) == 0) {
			call.put("_msg_id", "line\nbreak " + "m".repeat(100_000));
		}
		return List.of(dispatched("no-reply-queue", call));
	}

	private List<BadMessage> timeout() {
		Map<String, @Nullable Object> call = echo("t");
		call.put("_timeout", pick(Arrays.asList(1, -5, 0, "abc", List.of(1), 1e300, Map.of(), "9".repeat(100_000))));
		return List.of(result("timeout", call, "t"));
	}

	private List<BadMessage> context() {
		Map<String, @Nullable Object> call = echo("ctx");
		call.put(pick(List.of("_context_user", "_context_", "_context_request_id")),
				pick(Arrays.asList(Map.of("a", List.of(1)), 42, null, "x".repeat(1000))));
		return List.of(result("context", call, "ctx"));
	}

	private List<BadMessage> duplicate() {
		Map<String, @Nullable Object> first = echo("first");
		Map<String, @Nullable Object> again = echo("again");
		again.put("_unique_id", first.get("_unique_id"));
		return List.of(result("duplicate-first", first, "first"), Messages.dropped("duplicate", again));
	}

	private List<BadMessage> castJunk() {
		return List.of(dispatched("cast-junk",
				Messages.cast(pick(FORBIDDEN), pick(Arrays.asList(args(), null, List.of(1), args("x", 1))))));
	}

	private List<BadMessage> gadget() {
		List<Object> gadgets = List.of(List.of("java.net.URL", "http://127.0.0.1:9/"),
				args("@class", "io.oslo4j.rpc.security.LoadSentinel", "command", List.of("touch", "/tmp/x")),
				args("@type", "java.lang.ProcessBuilder"), List.of("java.util.HashMap", args("@c", ".LoadSentinel")));
		Object gadget = pick(gadgets);
		return List.of(result("gadget", echo(gadget), gadget));
	}

	/**
	 * Returns the few big messages, each built when asked for: 20 MB strings in several
	 * places, and bodies over the server's limit.
	 * @param maxMessageSize the server's {@code max_message_size}
	 * @return the message builders
	 */
	List<Supplier<BadMessage>> big(int maxMessageSize) {
		return List.of(
				() -> failure("string-20mb-arg", this.messages.call("add", args("a", twentyMb(), "b", 1)), "TypeError"),
				() -> dispatched("string-20mb-cast", Messages.cast("echo", args("value", twentyMb()))), () -> {
					Map<String, @Nullable Object> longId = echo("long id");
					longId.put("_unique_id", twentyMb());
					return result("string-20mb-unique-id", longId, "long id");
				}, () -> rejected("string-20mb-body", json(twentyMb())),
				() -> rejected("oversize", envelope(echo("y".repeat(maxMessageSize)))),
				() -> rejected("oversize-garbage", new byte[maxMessageSize + 1]));
	}

	/**
	 * Returns calls with a 1 MiB {@code _unique_id} each: a server that kept its last ids
	 * as they are would hold them all.
	 * @param count how many
	 * @return the messages
	 */
	List<BadMessage> longUniqueIds(int count) {
		List<BadMessage> calls = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, @Nullable Object> call = echo("long id " + i);
			call.put("_unique_id", i + "u".repeat(1024 * 1024));
			calls.add(result("unique-id-1mib", call, "long id " + i));
		}
		return calls;
	}

	private static String twentyMb() {
		return "x".repeat(20_000_000);
	}

}
