package io.oslo4j.rpc.transport;

import io.oslo4j.rpc.RpcException;

/**
 * A transport URL that cannot be used (oslo's {@code InvalidTransportURL} and
 * {@code DriverLoadFailure}). The message names the problem and shows the URL with its
 * passwords masked; it never contains a password.
 */
public class InvalidTransportUrlException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final String maskedUrl;

	private final String reason;

	public InvalidTransportUrlException(String maskedUrl, String reason) {
		super("Invalid transport URL '" + maskedUrl + "': " + reason);
		this.maskedUrl = maskedUrl;
		this.reason = reason;
	}

	/**
	 * Returns the URL with passwords masked.
	 * @return the masked URL
	 */
	public String maskedUrl() {
		return this.maskedUrl;
	}

	/**
	 * Returns what is wrong with the URL.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

}
