package io.oslo4j.rpc.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * oslo's {@code pack_context} / {@code unpack_context}: each context entry travels as a
 * top-level {@code _context_<key>} key of the message.
 */
final class ContextPacking {

	static final String PREFIX = "_context_";

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
		return (context != null) ? context : Collections.emptyMap();
	}

}
