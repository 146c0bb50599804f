package io.oslo4j.rpc;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception raised by oslo4j (oslo's {@code MessagingException}).
 */
public class RpcException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public RpcException(String message) {
		super(message);
	}

	public RpcException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
