package io.oslo4j.rpc.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.oslo4j.rpc.security.BadMessage.Expect;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds oslo request messages by hand (the inner dict, the 2.0 envelope), so that any
 * part of them can be wrong, and the {@link BadMessage}s that carry them.
 */
final class Messages {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String JSON_TYPE = "application/json";

	/** A value replaced by raw JSON text in {@link #envelope(Map, String)}. */
	static final String RAW = "@@raw@@";

	private final String replyQueue;

	Messages(String replyQueue) {
		this.replyQueue = replyQueue;
	}

	static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** A call's inner dict: method, args, version 1.0, ids, reply queue, no timeout. */
	Map<String, @Nullable Object> call(@Nullable Object method, @Nullable Object args) {
		Map<String, @Nullable Object> inner = new LinkedHashMap<>();
		inner.put("method", method);
		inner.put("args", args);
		inner.put("version", "1.0");
		inner.put("_msg_id", newId());
		inner.put("_reply_q", this.replyQueue);
		inner.put("_timeout", null);
		inner.put("_unique_id", newId());
		return inner;
	}

	/** A cast's inner dict: no {@code _msg_id}, {@code _reply_q} or {@code _timeout}. */
	static Map<String, @Nullable Object> cast(@Nullable Object method, @Nullable Object args) {
		Map<String, @Nullable Object> inner = new LinkedHashMap<>();
		inner.put("method", method);
		inner.put("args", args);
		inner.put("version", "1.0");
		inner.put("_unique_id", newId());
		return inner;
	}

	static Map<String, @Nullable Object> args(Object... keysAndValues) {
		Map<String, @Nullable Object> args = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			args.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return args;
	}

	static String json(@Nullable Object value) {
		return JSON.writeValueAsString(value);
	}

	/** The 2.0 envelope around an inner dict. */
	static String envelope(Map<String, @Nullable Object> inner) {
		return envelopeOf("2.0", json(inner));
	}

	/** The 2.0 envelope around an inner dict whose {@link #RAW} value is replaced. */
	static String envelope(Map<String, @Nullable Object> inner, String raw) {
		return envelopeOf("2.0", json(inner).replace("\"" + RAW + "\"", raw));
	}

	static String envelopeOf(@Nullable Object version, @Nullable Object innerText) {
		Map<String, @Nullable Object> outer = new LinkedHashMap<>();
		outer.put("oslo.version", version);
		outer.put("oslo.message", innerText);
		return json(outer);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static BadMessage rejected(String category, String body) {
		return rejected(category, bytes(body));
	}

	static BadMessage rejected(String category, byte[] body) {
		return new BadMessage(category, JSON_TYPE, body, Expect.REJECTED, null, null);
	}

	static BadMessage rejected(String category, @Nullable String contentType, String body) {
		return new BadMessage(category, contentType, bytes(body), Expect.REJECTED, null, null);
	}

	static BadMessage failure(String category, Map<String, @Nullable Object> call, String failureClass) {
		return new BadMessage(category, JSON_TYPE, bytes(envelope(call)), Expect.FAILURE, msgId(call), failureClass);
	}

	static BadMessage result(String category, Map<String, @Nullable Object> call, @Nullable Object result) {
		return result(category, bytes(envelope(call)), call, result);
	}

	static BadMessage result(String category, byte[] body, Map<String, @Nullable Object> call,
			@Nullable Object result) {
		return new BadMessage(category, JSON_TYPE, body, Expect.RESULT, msgId(call), json(result));
	}

	static BadMessage dispatched(String category, Map<String, @Nullable Object> inner) {
		return new BadMessage(category, JSON_TYPE, bytes(envelope(inner)), Expect.DISPATCHED, null, null);
	}

	static BadMessage dropped(String category, Map<String, @Nullable Object> inner) {
		return new BadMessage(category, JSON_TYPE, bytes(envelope(inner)), Expect.DROPPED, null, null);
	}

	private static String msgId(Map<String, @Nullable Object> call) {
		return (String) call.get("_msg_id");
	}

}
