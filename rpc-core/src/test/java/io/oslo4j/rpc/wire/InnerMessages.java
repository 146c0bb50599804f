package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Inner messages as the envelope's fast path hands them on: written into a JSON string as
 * oslo's envelope holds them, then unescaped by {@link JsonStringBytes}, which records
 * where their special bytes are.
 */
final class InnerMessages {

	private InnerMessages() {
	}

	/**
	 * Returns an inner message as unescaping an envelope gives it, in arrays cut to the
	 * bytes and positions used (so that reading past either fails).
	 * @param json the inner message, any text
	 * @return the unescaped bytes, with the positions of their special bytes
	 */
	static JsonStringBytes.Result unescaped(String json) {
		byte[] literal = OsloJson.mapper().writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
		JsonStringBytes.Result result = Objects.requireNonNull(JsonStringBytes.unescape(literal, 1, literal.length - 1),
				json);
		return new JsonStringBytes.Result(Arrays.copyOf(result.bytes(), result.length()), result.length(),
				Arrays.copyOf(result.specials(), result.specialCount()), result.specialCount());
	}

}
