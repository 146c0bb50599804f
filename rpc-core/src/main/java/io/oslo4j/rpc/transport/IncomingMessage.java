package io.oslo4j.rpc.transport;

import org.jspecify.annotations.Nullable;

/**
 * A message received from a {@link Transport}: the body and the properties oslo looks at,
 * and the means to settle it. Exactly one of {@link #ack()} or {@link #reject(boolean)}
 * takes effect; later calls are ignored.
 */
public interface IncomingMessage {

	/**
	 * Returns the raw body.
	 * @return the body
	 */
	byte[] body();

	/**
	 * Returns the {@code content_type} property ({@code application/json} for oslo).
	 * @return the content type, or {@code null}
	 */
	@Nullable String contentType();

	/**
	 * Returns the {@code content_encoding} property.
	 * @return the content encoding, or {@code null}
	 */
	@Nullable String contentEncoding();

	/**
	 * Returns the queue the message came from, for logging.
	 * @return the queue name
	 */
	String queue();

	/**
	 * Returns whether the broker delivered this message before.
	 * @return whether it is a redelivery
	 */
	boolean redelivered();

	/**
	 * Acknowledges the message: the broker forgets it.
	 * @return whether this call acknowledged it: {@code false} when the message was
	 * settled already, or when the acknowledgement could not be sent (its channel closed:
	 * the broker delivers the message again)
	 */
	boolean ack();

	/**
	 * Rejects the message.
	 * @param requeue whether the broker should deliver it again
	 */
	void reject(boolean requeue);

}
