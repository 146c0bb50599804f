package io.oslo4j.rpc.wire;

import io.oslo4j.rpc.RpcException;

/**
 * A value that cannot be written as JSON (an argument, result or context value the mapper
 * cannot serialize). Nothing was sent.
 */
public class WireEncodingException extends RpcException {

	private static final long serialVersionUID = 1L;

	public WireEncodingException(String message, Throwable cause) {
		super(message, cause);
	}

}
