package io.oslo4j.rpc.kafka;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code [oslo_messaging_kafka]} options as oslo does: settings options
 * overridden by the URL query; remembers which were read so that unknown ones are refused
 * with their name.
 */
final class KafkaOptionReader {

	static final String GROUP = "[oslo_messaging_kafka]";

	private final String maskedUrl;

	private final Map<String, String> values = new LinkedHashMap<>();

	private final Set<String> known = new HashSet<>();

	KafkaOptionReader(TransportUrl url, TransportSettings settings) {
		this.maskedUrl = url.toString();
		this.values.putAll(settings.options());
		this.values.putAll(url.query());
	}

	@Nullable String string(String name) {
		this.known.add(name);
		String value = this.values.get(name);
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

	boolean bool(String name, boolean defaultValue) {
		String value = string(name);
		if (value == null) {
			return defaultValue;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "1", "true", "yes", "on" -> true;
			case "0", "false", "no", "off" -> false;
			default -> throw invalid(name, value, "expected a boolean (true/false, yes/no, 1/0)");
		};
	}

	int integer(String name, int defaultValue, int min) {
		String value = string(name);
		if (value == null) {
			return defaultValue;
		}
		int result;
		try {
			result = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw invalid(name, value, "expected an integer");
		}
		if (result < min) {
			throw invalid(name, value, "must be at least " + min);
		}
		return result;
	}

	Duration seconds(String name, double defaultSeconds, double minSeconds) {
		String value = string(name);
		if (value == null) {
			return Duration.ofNanos(Math.round(defaultSeconds * 1e9));
		}
		double result;
		try {
			result = Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw invalid(name, value, "expected a number of seconds");
		}
		if (!(result >= minSeconds) || Double.isInfinite(result)) {
			throw invalid(name, value, "must be a number of seconds of at least " + minSeconds);
		}
		return Duration.ofNanos(Math.round(result * 1e9));
	}

	String choice(String name, String defaultValue, Set<String> choices) {
		String value = string(name);
		value = (value != null) ? value : defaultValue;
		if (!choices.contains(value)) {
			throw invalid(name, value, "valid values are " + choices.stream().sorted().toList());
		}
		return value;
	}

	void accepted(String... names) {
		this.known.addAll(Set.of(names));
	}

	void rejectUnknown() {
		for (String key : this.values.keySet()) {
			if (!this.known.contains(key)) {
				throw error("no such option " + key + " in group " + GROUP);
			}
		}
	}

	InvalidTransportUrlException invalid(String name, String value, String expectation) {
		return error("invalid value '" + value + "' for option " + name + " in group " + GROUP + ": " + expectation);
	}

	InvalidTransportUrlException error(String reason) {
		return new InvalidTransportUrlException(this.maskedUrl, reason);
	}

}
