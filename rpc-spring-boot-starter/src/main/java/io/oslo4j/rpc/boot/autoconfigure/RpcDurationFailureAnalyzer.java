package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains an {@code rpc.*} duration written as a number with a fraction, as oslo's float
 * options are ({@code kombu_reconnect_splay = 0.5}): Spring Boot reads a bare number as a
 * whole count of the property's unit and refuses fractions, so the action shows the value
 * in milliseconds ({@code 500ms}). Runs before Spring Boot's general binding analyzer.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class RpcDurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	private static final Pattern FRACTION = Pattern.compile("\\s*(\\d*\\.\\d+)\\s*(s)?\\s*");

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationProperty property = cause.getProperty();
		if (property == null || !cause.getName().toString().startsWith("rpc.")
				|| !Duration.class.equals(cause.getTarget().getType().resolve())) {
			return null;
		}
		String value = String.valueOf(property.getValue());
		Matcher fraction = FRACTION.matcher(value);
		if (!fraction.matches()) {
			return null;
		}
		long millis = Math.round(Double.parseDouble(fraction.group(1)) * 1000);
		String name = cause.getName().toString();
		String description = "Invalid oslo4j RPC configuration:\n\n    Property: " + name + "\n    Value: \"" + value
				+ "\"\n    Origin: " + property.getOrigin() + "\n    Reason: a duration is a whole number, "
				+ "optionally with a unit (ms, s, m, h, d), without a fraction";
		String action = "Update '" + name + "' in your configuration; for " + fraction.group(1) + " seconds:\n\n    "
				+ name + "=" + millis + "ms";
		return new FailureAnalysis(description, action, cause);
	}

}
