package io.oslo4j.rpc.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * An {@code @RpcClient} interface, {@code @RpcEndpoint} class or
 * {@code @RpcNotificationListener} method that cannot be used, found at startup. The
 * message names the type and, when known, the method. Reported by
 * {@link RpcDefinitionFailureAnalyzer}.
 */
public class RpcDefinitionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String typeName;

	private final String annotation;

	private final String problem;

	/**
	 * Makes the exception.
	 * @param annotation {@code @RpcClient} or {@code @RpcEndpoint}
	 * @param typeName the interface or class
	 * @param problem what is wrong
	 * @param cause the underlying failure, or {@code null}
	 */
	public RpcDefinitionException(String annotation, String typeName, String problem, @Nullable Throwable cause) {
		super(annotation + " " + typeName + ": " + problem, cause);
		this.typeName = typeName;
		this.annotation = annotation;
		this.problem = problem;
	}

	public String typeName() {
		return this.typeName;
	}

	public String annotation() {
		return this.annotation;
	}

	public String problem() {
		return this.problem;
	}

}
