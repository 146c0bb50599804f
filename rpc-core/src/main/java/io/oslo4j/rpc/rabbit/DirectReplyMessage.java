package io.oslo4j.rpc.rabbit;

import io.oslo4j.rpc.transport.IncomingMessage;
import org.jspecify.annotations.Nullable;

/**
 * A reply delivered through direct reply-to. The broker delivers it without
 * acknowledgement (its consumer is a no-ack consumer) and never again, so settling it
 * does nothing.
 *
 * @param body the body
 * @param contentType the content type, or {@code null}
 * @param contentEncoding the content encoding, or {@code null}
 * @param queue the direct reply-to address it came to
 */
record DirectReplyMessage(byte[] body, @Nullable String contentType, @Nullable String contentEncoding,
		String queue) implements IncomingMessage {

	@Override
	public boolean redelivered() {
		return false;
	}

	/**
	 * Does nothing: the broker forgot the message when it delivered it.
	 * @return {@code false}: there was nothing to acknowledge
	 */
	@Override
	public boolean ack() {
		return false;
	}

	@Override
	public void reject(boolean requeue) {
		// delivered without acknowledgement: nothing to settle
	}

}
