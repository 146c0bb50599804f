package io.oslo4j.rpc.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an unusable {@code @RpcClient} interface, {@code @RpcEndpoint} class or
 * {@code @RpcNotificationListener} method.
 */
class RpcDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<RpcDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RpcDefinitionException cause) {
		String description = "The " + cause.annotation() + " " + cause.typeName() + " cannot be used:\n\n    "
				+ cause.problem();
		String action = switch (cause.annotation()) {
			case "@RpcClient" ->
				"Fix " + cause.typeName() + ": it must be an interface; each method is a call (any return type), "
						+ "an async call (CompletableFuture<T>), or a void @RpcCast/@RpcFanout method; arguments are "
						+ "sent by parameter name (compile with -parameters or use @RpcParam).";
			case "@RpcNotificationListener" -> "Fix " + cause.typeName()
					+ ": a notification listener method is neither private nor static, "
					+ "returns void or NotificationResult, and takes any of: RpcContext (or Map ctxt), String "
					+ "publisherId, String eventType, Map metadata, NotificationPriority, Notification, and one payload "
					+ "parameter (named payload, or the only other one); names come from -parameters or @RpcParam. "
					+ "eventType and publisherId are regular expressions, e.g. "
					+ "@RpcNotificationListener(eventType = \"compute\\\\.instance\\\\..*\").";
			default ->
				"Fix " + cause.typeName() + ": each public method name must be unique (RPC methods are called by "
						+ "name), parameter names must be known (compile with -parameters or use @RpcParam) and "
						+ "the version must be \"X.Y\", e.g. @RpcEndpoint(version = \"1.2\").";
		};
		return new FailureAnalysis(description, action, cause);
	}

}
