package io.oslo4j.rpc.boot.notify;

import io.oslo4j.rpc.notify.NotifierDriver;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains an unknown {@code rpc.notifications.driver} with oslo's driver names
 * ({@code messagingv2}, not the enum's {@code MESSAGING_V2}). Runs before Spring Boot's
 * general binding analyzer.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class RpcNotificationDriverFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationProperty property = cause.getProperty();
		if (property == null || !NotifierDriver.class.equals(cause.getTarget().getType().resolve())) {
			return null;
		}
		String name = cause.getName().toString();
		String description = "Invalid oslo4j notification configuration:\n\n    Property: " + name + "\n    Value: \""
				+ property.getValue() + "\"\n    Origin: " + property.getOrigin() + "\n    Reason: '"
				+ property.getValue() + "' is not a notification driver (messagingv2, messaging, log or noop)";
		String action = "Update '" + name + "' in your configuration, for example:\n\n    " + name + "=messagingv2";
		return new FailureAnalysis(description, action, cause);
	}

}
