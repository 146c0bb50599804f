package io.oslo4j.rpc.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the replies a server sends: the inner dict of the envelope, and the class of a
 * failure.
 */
final class Replies {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.build();

	private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {
	};

	private Replies() {
	}

	static Map<String, @Nullable Object> inner(byte[] body) {
		Map<String, @Nullable Object> outer = JSON.readValue(body, MAP);
		Object inner = outer.get("oslo.message");
		return (inner instanceof String text) ? JSON.readValue(text, MAP) : outer;
	}

	/** The class of the reply's failure, or {@code null} for a result. */
	static @Nullable String failureClass(Map<String, @Nullable Object> reply) {
		return (reply.get("failure") instanceof String failure)
				? String.valueOf(JSON.readValue(failure, MAP).get("class")) : null;
	}

	/** The result as JSON text, to compare with what was expected. */
	static String result(Map<String, @Nullable Object> reply) {
		return Messages.json(reply.get("result"));
	}

}
