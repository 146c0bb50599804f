package io.oslo4j.rpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The request context (oslo's {@code ctxt} dict): {@code user_id}, {@code request_id},
 * {@code roles} and whatever else the caller sends. It travels as the
 * {@code _context_<key>} keys of a request. On the server it also holds
 * {@code client_timeout}, the raw {@code _timeout} of the request ({@code null} for a
 * cast), as oslo's dispatcher does. Immutable; values are JSON-ready (strings, numbers,
 * booleans, lists, maps, {@code null}).
 */
public final class RpcContext {

	private static final RpcContext EMPTY = new RpcContext(Collections.emptyMap());

	private final Map<String, @Nullable Object> values;

	private RpcContext(Map<String, @Nullable Object> values) {
		this.values = values;
	}

	/**
	 * Returns the empty context.
	 * @return the empty context
	 */
	public static RpcContext empty() {
		return EMPTY;
	}

	/**
	 * Returns a context holding a copy of the given entries, in their order.
	 * @param values the entries
	 * @return the context
	 */
	public static RpcContext of(Map<String, ? extends @Nullable Object> values) {
		if (values.isEmpty()) {
			return EMPTY;
		}
		return new RpcContext(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
	}

	/**
	 * Returns a context with one entry added or replaced.
	 * @param key the key
	 * @param value the value
	 * @return a new context
	 */
	public RpcContext with(String key, @Nullable Object value) {
		Map<String, @Nullable Object> copy = new LinkedHashMap<>(this.values);
		copy.put(key, value);
		return new RpcContext(Collections.unmodifiableMap(copy));
	}

	/**
	 * Returns the value of a key, or {@code null}.
	 * @param key the key
	 * @return the value
	 */
	public @Nullable Object get(String key) {
		return this.values.get(key);
	}

	/**
	 * Returns whether the context has the key.
	 * @param key the key
	 * @return whether it is present
	 */
	public boolean containsKey(String key) {
		return this.values.containsKey(key);
	}

	/**
	 * Returns the entries, unmodifiable, in the order received.
	 * @return the entries
	 */
	public Map<String, @Nullable Object> asMap() {
		return this.values;
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof RpcContext context) && this.values.equals(context.values);
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	/**
	 * Returns the entries with secrets masked: values of keys holding {@code token},
	 * {@code password} or {@code secret} (oslo contexts carry {@code auth_token}).
	 */
	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder("RpcContext{");
		boolean first = true;
		for (Map.Entry<String, @Nullable Object> entry : this.values.entrySet()) {
			sb.append(first ? "" : ", ").append(entry.getKey()).append('=');
			sb.append(isSecret(entry.getKey()) ? "****" : entry.getValue());
			first = false;
		}
		return sb.append('}').toString();
	}

	private static boolean isSecret(String key) {
		String lower = key.toLowerCase(java.util.Locale.ROOT);
		return lower.contains("token") || lower.contains("password") || lower.contains("secret");
	}

}
