package io.oslo4j.rpc.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * oslo's {@code pack_context} / {@code unpack_context}: each context entry travels as a
 * top-level {@code _context_<key>} key of the message. oslo's Kafka driver nests the
 * context as one {@code "_context": {...}} object instead ({@code pack_message}); a
 * message without {@code _context_*} keys whose {@code _context} is an object yields that
 * object.
 */
final class ContextPacking {

	static final String PREFIX = "_context_";

	static final String NESTED = "_context";

	private ContextPacking() {
	}

	static Map<String, @Nullable Object> unpack(Map<String, @Nullable Object> message) {
		Map<String, @Nullable Object> context = null;
		for (Map.Entry<String, @Nullable Object> entry : message.entrySet()) {
			String key = entry.getKey();
			if (key.startsWith(PREFIX)) {
				if (context == null) {
					context = new LinkedHashMap<>();
				}
				context.put(key.substring(PREFIX.length()), entry.getValue());
			}
		}
		if (context == null && message.get(NESTED) instanceof Map<?, ?> nested) {
			context = new LinkedHashMap<>();
			for (Map.Entry<?, ?> entry : nested.entrySet()) {
				context.put(String.valueOf(entry.getKey()), entry.getValue());
			}
		}
		return (context != null) ? context : Collections.emptyMap();
	}

}
