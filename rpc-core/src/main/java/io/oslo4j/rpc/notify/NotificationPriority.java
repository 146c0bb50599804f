package io.oslo4j.rpc.notify;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The notification priorities of oslo ({@code PRIORITIES}): sent upper-case in the
 * {@code priority} key, lower-case in routing keys, queue names and endpoint method
 * names.
 */
public enum NotificationPriority {

	/** {@code audit}. */
	AUDIT,

	/** {@code debug}. */
	DEBUG,

	/** {@code info}. */
	INFO,

	/** {@code warn} (Python's {@code warn} and {@code warning}). */
	WARN,

	/** {@code error}. */
	ERROR,

	/** {@code critical}. */
	CRITICAL,

	/** {@code sample}. */
	SAMPLE;

	/**
	 * Returns the upper-case name sent in the {@code priority} key.
	 * @return e.g. {@code INFO}
	 */
	public String wireName() {
		return name();
	}

	/**
	 * Returns the lower-case name: the routing key suffix and the endpoint method name.
	 * @return e.g. {@code info}
	 */
	public String lowerName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the priority of a received {@code priority} value, matched
	 * case-insensitively as oslo does.
	 * @param value the value, possibly {@code null}
	 * @return the priority, or {@code null} when it is not one of oslo's
	 */
	public static @Nullable NotificationPriority fromWire(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		for (NotificationPriority priority : values()) {
			if (priority.lowerName().equals(lower)) {
				return priority;
			}
		}
		return null;
	}

}
