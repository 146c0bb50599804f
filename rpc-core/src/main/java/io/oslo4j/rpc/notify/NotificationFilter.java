package io.oslo4j.rpc.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.oslo4j.rpc.RpcContext;
import org.jspecify.annotations.Nullable;

/**
 * oslo's {@code NotificationFilter}: regular expressions an endpoint's notifications must
 * match, on the publisher id, the event type, and keys of the context, the metadata and
 * the payload. As in Python ({@code re.match}) a pattern matches at the start of the
 * value (use {@code $} to anchor the end); a value that is absent or not a string never
 * matches. Immutable.
 */
public final class NotificationFilter {

	private final @Nullable Pattern publisherId;

	private final @Nullable Pattern eventType;

	private final Map<String, Pattern> context;

	private final Map<String, Pattern> metadata;

	private final Map<String, Pattern> payload;

	private NotificationFilter(Builder builder) {
		this.publisherId = builder.publisherId;
		this.eventType = builder.eventType;
		this.context = Map.copyOf(builder.context);
		this.metadata = Map.copyOf(builder.metadata);
		this.payload = Map.copyOf(builder.payload);
	}

	/**
	 * Returns a new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns whether a notification passes the filter.
	 * @param notification the notification
	 * @return whether every configured pattern matches
	 */
	public boolean matches(Notification notification) {
		return matches(this.publisherId, notification.publisherId())
				&& matches(this.eventType, notification.eventType())
				&& matches(this.context, notification.context().asMap())
				&& matches(this.metadata, notification.metadata()) && matchesPayload(notification.payload());
	}

	/**
	 * Returns the filter's rules in the shape of oslo's {@code filter_rule}: the keys
	 * set, among {@code publisher_id} and {@code event_type} (each a regular expression)
	 * and {@code context}, {@code metadata} and {@code payload} (each a map of key to
	 * regular expression, sorted by key).
	 * @return the regular expressions by rule, empty for a filter that lets everything
	 * through
	 */
	public Map<String, Object> rules() {
		Map<String, Object> rules = new LinkedHashMap<>();
		if (this.publisherId != null) {
			rules.put("publisher_id", this.publisherId.pattern());
		}
		if (this.eventType != null) {
			rules.put("event_type", this.eventType.pattern());
		}
		putPatterns(rules, "context", this.context);
		putPatterns(rules, "metadata", this.metadata);
		putPatterns(rules, "payload", this.payload);
		return Collections.unmodifiableMap(rules);
	}

	private static void putPatterns(Map<String, Object> rules, String name, Map<String, Pattern> patterns) {
		if (!patterns.isEmpty()) {
			Map<String, String> sorted = new TreeMap<>();
			patterns.forEach((key, pattern) -> sorted.put(key, pattern.pattern()));
			rules.put(name, Collections.unmodifiableMap(sorted));
		}
	}

	@Override
	public String toString() {
		return "NotificationFilter" + rules();
	}

	private boolean matchesPayload(@Nullable Object payload) {
		if (this.payload.isEmpty()) {
			return true;
		}
		if (!(payload instanceof Map<?, ?> map)) {
			return false;
		}
		return matches(this.payload, map);
	}

	private static boolean matches(Map<String, Pattern> patterns, Map<?, ?> data) {
		for (Map.Entry<String, Pattern> entry : patterns.entrySet()) {
			if (!data.containsKey(entry.getKey()) || !matches(entry.getValue(), data.get(entry.getKey()))) {
				return false;
			}
		}
		return true;
	}

	private static boolean matches(@Nullable Pattern pattern, @Nullable Object value) {
		if (pattern == null) {
			return true;
		}
		return value instanceof String text && pattern.matcher(text).lookingAt();
	}

	/**
	 * Builds a {@link NotificationFilter}; every setting is optional.
	 */
	public static final class Builder {

		private @Nullable Pattern publisherId;

		private @Nullable Pattern eventType;

		private final Map<String, Pattern> context = new LinkedHashMap<>();

		private final Map<String, Pattern> metadata = new LinkedHashMap<>();

		private final Map<String, Pattern> payload = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Sets the publisher id pattern.
		 * @param regex e.g. {@code ^compute.*}
		 * @return this builder
		 */
		public Builder publisherId(String regex) {
			this.publisherId = Pattern.compile(regex);
			return this;
		}

		/**
		 * Sets the event type pattern.
		 * @param regex e.g. {@code ^compute\.instance\..*}
		 * @return this builder
		 */
		public Builder eventType(String regex) {
			this.eventType = Pattern.compile(regex);
			return this;
		}

		/**
		 * Adds a pattern for a context key (see {@link RpcContext}).
		 * @param key the key
		 * @param regex the pattern
		 * @return this builder
		 */
		public Builder context(String key, String regex) {
			this.context.put(key, Pattern.compile(regex));
			return this;
		}

		/**
		 * Adds a pattern for a metadata key ({@code message_id} or {@code timestamp}).
		 * @param key the key
		 * @param regex the pattern
		 * @return this builder
		 */
		public Builder metadata(String key, String regex) {
			this.metadata.put(key, Pattern.compile(regex));
			return this;
		}

		/**
		 * Adds a pattern for a top-level payload key.
		 * @param key the key
		 * @param regex the pattern
		 * @return this builder
		 */
		public Builder payload(String key, String regex) {
			this.payload.put(key, Pattern.compile(regex));
			return this;
		}

		/**
		 * Builds the filter.
		 * @return the filter
		 */
		public NotificationFilter build() {
			return new NotificationFilter(this);
		}

	}

}
