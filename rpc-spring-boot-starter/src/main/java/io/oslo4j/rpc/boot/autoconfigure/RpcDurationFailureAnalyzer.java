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
 * in milliseconds ({@code 500ms}), or in whole seconds for a duration that is sent as
 * oslo's integer seconds ({@code rpc.rabbit.heartbeat}). Runs before Spring Boot's
 * general binding analyzer.
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
		double seconds = Double.parseDouble(fraction.group(1));
		String name = cause.getName().toString();
		String option = RpcPropertiesValidator.wholeSecondsOption(name);
		String description = "Invalid oslo4j RPC configuration:\n\n    Property: " + name + "\n    Value: \"" + value
				+ "\"\n    Origin: " + property.getOrigin() + "\n    Reason: a duration is a whole number, "
				+ "optionally with a unit (ms, s, m, h, d), without a fraction"
				+ ((option != null) ? "; this one is sent as oslo's integer " + option + ", in whole seconds" : "");
		String action = (option != null)
				? "Update '" + name + "' in your configuration to whole seconds, for example:\n\n    " + name + "="
						+ Math.max(1, Math.round(seconds))
				: "Update '" + name + "' in your configuration; for " + fraction.group(1) + " seconds:\n\n    " + name
						+ "=" + Math.round(seconds * 1000) + "ms";
		return new FailureAnalysis(description, action, cause);
	}

}
