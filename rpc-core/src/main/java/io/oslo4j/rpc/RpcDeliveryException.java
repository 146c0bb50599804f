package io.oslo4j.rpc;

import org.jspecify.annotations.Nullable;

/**
 * A message could not be handed to the broker: the connection failed, the publish was not
 * confirmed, or a mandatory message was returned as unroutable (oslo's
 * {@code MessageDeliveryFailure} / {@code MessageUndeliverable}). When this is thrown
 * from a cast, the message must be assumed lost.
 */
public class RpcDeliveryException extends RpcException {

	private static final long serialVersionUID = 1L;

	public RpcDeliveryException(String message) {
		super(message);
	}

	public RpcDeliveryException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
