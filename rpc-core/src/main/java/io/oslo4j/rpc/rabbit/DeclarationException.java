package io.oslo4j.rpc.rabbit;

import io.oslo4j.rpc.RpcException;
import org.jspecify.annotations.Nullable;

/**
 * An exchange, queue or binding could not be declared. The message names the object and
 * carries the broker's text: for a {@code 406 PRECONDITION_FAILED} it says which flag
 * differs from the existing object (e.g. {@code inequivalent arg 'durable' for queue
 * 'T'}), which happens when peers disagree on {@code amqp_durable_queues},
 * {@code rabbit_quorum_queue} or {@code rabbit_ha_queues}.
 */
public class DeclarationException extends RpcException {

	private static final long serialVersionUID = 1L;

	public DeclarationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
