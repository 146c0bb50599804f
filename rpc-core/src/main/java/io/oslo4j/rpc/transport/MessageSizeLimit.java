package io.oslo4j.rpc.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DeliveryHandler} in front of another that refuses bodies over a size limit
 * (oslo4j's {@code max_message_size} option) before anything parses them: such a message
 * is rejected without requeue, as oslo rejects any message it cannot read, and logged in
 * one line, throttled. Its reply queue is unknown without parsing it, so no failure is
 * sent back and a caller waiting for it times out. Transports put one in front of every
 * handler they deliver to.
 */
public final class MessageSizeLimit implements DeliveryHandler {

	/** The option that sets the limit, in bytes. */
	public static final String OPTION = "max_message_size";

	/** The default limit: 16 MiB, RabbitMQ 4's own default {@code max_message_size}. */
	public static final int DEFAULT = 16 * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(MessageSizeLimit.class);

	private final DeliveryHandler handler;

	private final long maxBytes;

	private final ThrottledLog refused = new ThrottledLog(logger, 5);

	private MessageSizeLimit(DeliveryHandler handler, long maxBytes) {
		this.handler = handler;
		this.maxBytes = maxBytes;
	}

	/**
	 * Puts a size limit in front of a handler.
	 * @param handler the handler
	 * @param maxBytes the largest body passed on, in bytes; 0 or less for no limit
	 * @return the limited handler, or {@code handler} itself without a limit
	 */
	public static DeliveryHandler wrap(DeliveryHandler handler, long maxBytes) {
		return (maxBytes > 0) ? new MessageSizeLimit(handler, maxBytes) : handler;
	}

	@Override
	public void onMessage(IncomingMessage message) {
		int length = message.body().length;
		if (length > this.maxBytes) {
			this.refused.warn("Rejecting a message of {} bytes from queue {}: larger than " + OPTION + " ({} bytes)",
					length, message.queue(), this.maxBytes);
			message.reject(false);
			return;
		}
		this.handler.onMessage(message);
	}

	@Override
	public String toString() {
		return this.handler.toString();
	}

}
