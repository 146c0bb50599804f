package io.oslo4j.rpc.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an unreachable broker with {@code rpc.fail-fast=true}.
 */
class RpcBrokerUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<RpcBrokerUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RpcBrokerUnavailableException cause) {
		return new FailureAnalysis(
				"oslo4j could not connect to the RPC broker at " + cause.maskedUrl() + " within " + cause.timeout()
						+ " (rpc.connect-timeout), and rpc.fail-fast is true.",
				"Start the broker or fix 'rpc.transport-url' (or spring.rabbitmq.* when it is not set), for example:"
						+ "\n\n    " + RpcPropertiesValidator.URL_EXAMPLE + "\n\nor set rpc.fail-fast=false to start "
						+ "anyway and connect in the background (health is DOWN until connected).",
				cause);
	}

}
