package io.oslo4j.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword arguments every system sends: {@code {"data": ...}}, a small JSON object or
 * a 64 KB string.
 */
enum Payload {

	SMALL(small()), LARGE(Map.of("blob", "x".repeat(64 * 1024)));

	private final Map<String, Object> args;

	Payload(Object data) {
		this.args = Map.of("data", data);
	}

	/** Returns the keyword arguments of the call. */
	Map<String, Object> args() {
		return this.args;
	}

	private static Map<String, Object> small() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", 42);
		data.put("name", "instance-0001");
		data.put("flavor", "m1.small");
		data.put("tags", List.of("a", "b"));
		data.put("active", true);
		return data;
	}

}
