package io.oslo4j.rpc.transport;

import io.oslo4j.rpc.RpcDeliveryException;

/**
 * Receives messages from a {@link Transport}, on one of the transport's consumer threads.
 * Implementations must not throw: a handler that throws has its message rejected without
 * requeue and the consumer goes on.
 */
@FunctionalInterface
public interface DeliveryHandler {

	/**
	 * Handles one message.
	 * @param message the message
	 */
	void onMessage(IncomingMessage message);

	/**
	 * Told by a transport whose reply queue is gone together with everything still on its
	 * way to it: RabbitMQ's direct reply-to address ({@code amq.rabbitmq.reply-to.*})
	 * lives as long as its channel, and replies sent to it after the channel closed are
	 * dropped by the broker. The transport gives a new name on the next
	 * {@link Transport#replyQueue} call. Runs on the transport's connection thread and
	 * must not block. The default does nothing.
	 * @param queue the reply queue that was lost
	 * @param cause why (the channel or connection closed)
	 */
	default void onQueueLost(String queue, RpcDeliveryException cause) {
	}

}
