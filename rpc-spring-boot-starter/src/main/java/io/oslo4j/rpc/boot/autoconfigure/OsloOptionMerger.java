package io.oslo4j.rpc.boot.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Merges typed properties into a free-form map of oslo options ({@code options.<name>}):
 * a name in the map wins over a typed property's default, a typed property that has no
 * default is passed only when set, and a typed property the user set must agree with the
 * same name in the map. Options the user set elsewhere ({@link #given}, e.g. from
 * {@code spring.rabbitmq.*}) count as names in the map that must agree with it. Values
 * are compared as oslo reads them: booleans by meaning ({@code yes}, {@code 1} and
 * {@code true} agree), numbers by value ({@code 60} and {@code 60.0} agree). A typed
 * property that is not set never overrides a given name, even when it has a default.
 */
final class OsloOptionMerger {

	private final String prefix;

	private final Predicate<String> explicitlySet;

	private final Map<String, String> result;

	/** The property that gave each oslo option the user set, by oslo name. */
	private final Map<String, String> sources = new LinkedHashMap<>();

	/**
	 * Makes a merger.
	 * @param prefix the typed properties' prefix, with its trailing dot (e.g.
	 * {@code rpc.rabbit.})
	 * @param options the free-form options by oslo name, found at
	 * {@code <prefix>options.<name>}
	 * @param explicitlySet tells whether the user set a typed property, by its full name
	 */
	OsloOptionMerger(String prefix, Map<String, String> options, Predicate<String> explicitlySet) {
		this.prefix = prefix;
		this.explicitlySet = explicitlySet;
		this.result = new LinkedHashMap<>(options);
		for (String name : options.keySet()) {
			this.sources.put(name, prefix + "options." + name);
		}
	}

	/**
	 * Adds an option the user set through another property; call it before the typed
	 * properties. It must agree with the same name in the options.
	 * @param option the option and the property it comes from
	 */
	void given(Given option) {
		given(option.osloName(), option.value(), option.property());
	}

	private void given(String osloName, String value, String property) {
		String other = this.result.get(osloName);
		if (other != null && !sameValue(value, other)) {
			throw conflict(property, osloName, value, Objects.requireNonNull(this.sources.get(osloName)), other);
		}
		if (other == null) {
			this.result.put(osloName, value);
			this.sources.put(osloName, property);
		}
	}

	/**
	 * Adds a typed property that has a default: passed unless the options name the same
	 * option; when they do and the user set the property too, both must agree.
	 * @param property the property, without the prefix (e.g. {@code prefetch})
	 * @param osloName the oslo option
	 * @param value the property's value
	 */
	void withDefault(String property, String osloName, Object value) {
		add(property, osloName, value, this.explicitlySet.test(this.prefix + property));
	}

	/**
	 * Adds a typed property that has no default: passed only when set; when the options
	 * name the same option (or one of its aliases), both must agree.
	 * @param property the property, without the prefix (e.g. {@code stream-fanout})
	 * @param osloName the oslo option
	 * @param value the property's value, {@code null} when not set
	 * @param aliases other oslo names of the same option (e.g. a deprecated spelling)
	 */
	void ifSet(String property, String osloName, @Nullable Object value, String... aliases) {
		if (value != null) {
			add(property, osloName, value, true, aliases);
		}
	}

	/**
	 * Returns the merged options.
	 * @return the options by oslo name
	 */
	Map<String, String> result() {
		return this.result;
	}

	private void add(String property, String osloName, Object value, boolean userSet, String... aliases) {
		String typed = String.valueOf(value);
		String given = givenName(osloName, aliases);
		if (given == null) {
			this.result.put(osloName, typed);
			return;
		}
		String other = Objects.requireNonNull(this.result.get(given));
		if (userSet && !sameValue(typed, other)) {
			throw conflict(this.prefix + property, osloName, typed, Objects.requireNonNull(this.sources.get(given)),
					other);
		}
	}

	private static RpcConfigurationException conflict(String key, String osloName, String value, String otherKey,
			String other) {
		return new RpcConfigurationException(key,
				"both " + key + " (" + osloName + "=" + value + ") and " + otherKey + " (" + other + ") set oslo's "
						+ osloName + ", to different values",
				"set only one of them, e.g. " + key + "=" + value + " and remove " + otherKey, null);
	}

	private @Nullable String givenName(String osloName, String... aliases) {
		if (this.sources.containsKey(osloName)) {
			return osloName;
		}
		for (String alias : aliases) {
			if (this.sources.containsKey(alias)) {
				return alias;
			}
		}
		return null;
	}

	/**
	 * An oslo option set by the user through a property other than the merged ones.
	 *
	 * @param osloName the oslo option
	 * @param value its value, as oslo reads it
	 * @param property the property it comes from (e.g.
	 * {@code spring.rabbitmq.requested-heartbeat})
	 */
	record Given(String osloName, String value, String property) {
	}

	/**
	 * Writes a duration as oslo's float seconds, e.g. {@code 1.5} or {@code 60}.
	 * @param duration the duration
	 * @return the seconds
	 */
	static String seconds(Duration duration) {
		return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString();
	}

	static boolean sameValue(String a, String b) {
		String left = a.trim();
		String right = b.trim();
		if (left.equals(right)) {
			return true;
		}
		Boolean leftBoolean = bool(left);
		Boolean rightBoolean = bool(right);
		if (leftBoolean != null && rightBoolean != null) {
			return leftBoolean.equals(rightBoolean);
		}
		BigDecimal leftNumber = number(left);
		BigDecimal rightNumber = number(right);
		return leftNumber != null && rightNumber != null && leftNumber.compareTo(rightNumber) == 0;
	}

	/**
	 * Reads a boolean as oslo does.
	 * @param value the value
	 * @return the boolean, or {@code null} when the value is not one
	 */
	static @Nullable Boolean bool(String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true", "yes", "on", "1" -> Boolean.TRUE;
			case "false", "no", "off", "0" -> Boolean.FALSE;
			default -> null;
		};
	}

	/**
	 * Reads a number.
	 * @param value the value
	 * @return the number, or {@code null} when the value is not one
	 */
	static @Nullable BigDecimal number(String value) {
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
