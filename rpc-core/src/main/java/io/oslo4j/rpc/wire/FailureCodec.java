package io.oslo4j.rpc.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.MalformedMessageException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code failure} of a reply: {@code null}, or a JSON string holding the
 * serialized exception (oslo), or - leniently - the object itself.
 */
final class FailureCodec {

	private FailureCodec() {
	}

	static @Nullable FailureRecord decode(Envelope envelope, @Nullable Object failure) {
		if (failure == null || (failure instanceof String s && s.isEmpty())) {
			return null;
		}
		Map<String, @Nullable Object> map;
		if (failure instanceof String text) {
			map = envelope.parse(text);
		}
		else if (failure instanceof Map<?, ?> raw) {
			map = new LinkedHashMap<>();
			raw.forEach((k, v) -> map.put(String.valueOf(k), v));
		}
		else {
			throw new MalformedMessageException("Reply failure is neither a JSON string nor an object");
		}
		Object className = map.get("class");
		Object module = map.get("module");
		Object message = map.get("message");
		return new FailureRecord((className != null) ? String.valueOf(className) : "UnknownError",
				(module != null) ? String.valueOf(module) : null, (message != null) ? String.valueOf(message) : "",
				strings(map.get("tb")), list(map.get("args")), kwargs(map.get("kwargs")));
	}

	private static List<String> strings(@Nullable Object value) {
		List<String> result = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((item) -> result.add(String.valueOf(item)));
		}
		else if (value instanceof String s) {
			result.add(s);
		}
		return result;
	}

	private static List<@Nullable Object> list(@Nullable Object value) {
		return (value instanceof List<?> list) ? new ArrayList<>(list) : new ArrayList<>();
	}

	private static Map<String, @Nullable Object> kwargs(@Nullable Object value) {
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> result.put(String.valueOf(k), v));
		}
		return result;
	}

}
