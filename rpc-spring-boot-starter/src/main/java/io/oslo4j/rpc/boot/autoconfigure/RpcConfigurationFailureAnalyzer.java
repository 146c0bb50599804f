package io.oslo4j.rpc.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a bad {@code rpc.*} value: what is wrong, and the key with a valid example.
 */
class RpcConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<RpcConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RpcConfigurationException cause) {
		String description = "Invalid oslo4j RPC configuration:\n\n    Property: " + cause.property() + "\n    Reason: "
				+ cause.reason();
		String action = "Update '" + cause.property() + "' in your configuration, for example:\n\n    "
				+ cause.example();
		return new FailureAnalysis(description, action, cause);
	}

}
