package io.oslo4j.rpc.transport;

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

}
