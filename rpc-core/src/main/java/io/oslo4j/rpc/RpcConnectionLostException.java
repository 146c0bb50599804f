package io.oslo4j.rpc;

import org.jspecify.annotations.Nullable;

/**
 * A message could not be handed to the broker because the connection was lost before the
 * broker confirmed it, or no connection could be made (a broker restarting, a cluster
 * node stopping, a network cut). The message may or may not have reached the broker. A
 * client with a {@code retry} ({@link io.oslo4j.rpc.client.ClientOptions#retry()}, oslo's
 * {@code retry}) publishes it again on a new connection before giving up with this
 * exception.
 */
public class RpcConnectionLostException extends RpcDeliveryException {

	private static final long serialVersionUID = 1L;

	public RpcConnectionLostException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
