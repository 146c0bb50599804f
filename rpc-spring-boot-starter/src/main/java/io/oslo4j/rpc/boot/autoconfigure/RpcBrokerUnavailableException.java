package io.oslo4j.rpc.boot.autoconfigure;

import io.oslo4j.rpc.RpcException;

/**
 * The broker could not be reached at startup with {@code rpc.fail-fast=true}. The message
 * shows the URL with its passwords masked.
 */
public class RpcBrokerUnavailableException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final String maskedUrl;

	public RpcBrokerUnavailableException(String maskedUrl) {
		super("Cannot connect to the RPC broker at " + maskedUrl);
		this.maskedUrl = maskedUrl;
	}

	public String maskedUrl() {
		return this.maskedUrl;
	}

}
