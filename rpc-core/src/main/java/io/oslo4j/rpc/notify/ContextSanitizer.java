package io.oslo4j.rpc.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * oslo 14.0.3's {@code _sanitize_context}: a notification carries only the context keys
 * of a safe list (no {@code auth_token}, no secrets), in the context's own order.
 */
final class ContextSanitizer {

	/** oslo's {@code safe_keys}. */
	static final Set<String> SAFE_KEYS = Set.of("user_id", "project_id", "domain_id", "user_domain_id",
			"project_domain_id", "is_admin", "request_id", "roles", "user_name", "project_name", "domain_name",
			"user_domain_name", "project_domain_name", "service_user_id", "service_user_domain_id",
			"service_user_domain_name", "service_project_id", "service_project_name", "service_project_domain_id",
			"service_project_domain_name", "service_roles", "global_request_id", "system_scope", "user", "domain",
			"user_domain", "project_domain");

	private ContextSanitizer() {
	}

	static Map<String, @Nullable Object> sanitize(Map<String, @Nullable Object> context) {
		Map<String, @Nullable Object> safe = new LinkedHashMap<>();
		for (Map.Entry<String, @Nullable Object> entry : context.entrySet()) {
			if (SAFE_KEYS.contains(entry.getKey())) {
				safe.put(entry.getKey(), entry.getValue());
			}
		}
		return safe;
	}

}
