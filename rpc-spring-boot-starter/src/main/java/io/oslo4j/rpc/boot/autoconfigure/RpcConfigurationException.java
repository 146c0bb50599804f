package io.oslo4j.rpc.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A bad {@code rpc.*} value, found at startup. Reported by
 * {@link RpcConfigurationFailureAnalyzer}; the message never holds a password.
 */
public class RpcConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String reason;

	private final String example;

	/**
	 * Makes the exception.
	 * @param property the key (or annotation attribute) at fault, e.g.
	 * {@code rpc.response-timeout}
	 * @param reason what is wrong, with the value masked when it may hold a password
	 * @param example a valid setting, e.g. {@code rpc.response-timeout=30s}
	 * @param cause the underlying failure, or {@code null}
	 */
	public RpcConfigurationException(String property, String reason, String example, @Nullable Throwable cause) {
		super("Invalid value for '" + property + "': " + reason, cause);
		this.property = property;
		this.reason = reason;
		this.example = example;
	}

	public String property() {
		return this.property;
	}

	public String reason() {
		return this.reason;
	}

	public String example() {
		return this.example;
	}

}
