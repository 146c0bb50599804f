package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;

import io.oslo4j.rpc.RpcException;

/**
 * The broker could not be reached at startup within {@code rpc.connect-timeout} with
 * {@code rpc.fail-fast=true}. The message shows the URL with its passwords masked.
 */
public class RpcBrokerUnavailableException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final String maskedUrl;

	private final Duration timeout;

	/**
	 * Makes the exception.
	 * @param maskedUrl the broker URL, passwords masked
	 * @param timeout how long startup waited
	 */
	public RpcBrokerUnavailableException(String maskedUrl, Duration timeout) {
		super("Cannot connect to the RPC broker at " + maskedUrl + " within " + timeout);
		this.maskedUrl = maskedUrl;
		this.timeout = timeout;
	}

	/**
	 * Returns the broker URL with its passwords masked.
	 * @return the URL
	 */
	public String maskedUrl() {
		return this.maskedUrl;
	}

	/**
	 * Returns how long startup waited for the connection.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

}
