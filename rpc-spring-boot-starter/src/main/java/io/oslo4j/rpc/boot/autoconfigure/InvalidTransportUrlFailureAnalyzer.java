package io.oslo4j.rpc.boot.autoconfigure;

import io.oslo4j.rpc.transport.InvalidTransportUrlException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a transport URL refused by oslo4j (e.g. by a transport made in user code). The
 * URL is shown with its passwords masked.
 */
class InvalidTransportUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTransportUrlException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTransportUrlException cause) {
		String description = "Invalid oslo4j transport URL:\n\n    URL: " + cause.maskedUrl() + "\n    Reason: "
				+ cause.reason();
		String action = "Update 'rpc.transport-url' (or spring.rabbitmq.* when it is not set), for example:\n\n    "
				+ RpcPropertiesValidator.URL_EXAMPLE;
		return new FailureAnalysis(description, action, cause);
	}

}
