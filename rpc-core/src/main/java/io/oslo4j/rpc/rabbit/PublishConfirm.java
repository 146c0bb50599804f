package io.oslo4j.rpc.rabbit;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import io.oslo4j.rpc.RpcConnectionLostException;
import io.oslo4j.rpc.RpcDeliveryException;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one publish on a {@link ConfirmChannel}: completes when the broker
 * confirmed the message ({@link #returned()} tells whether it returned it first as
 * unroutable, for a mandatory message), and fails with a {@link RpcDeliveryException}
 * naming the exchange and routing key on {@code basic.nack}, on the channel's closing or
 * when no confirm came in time (a {@link RpcConnectionLostException} when the connection
 * was lost).
 */
final class PublishConfirm extends CompletableFuture<Void> {

	private final String exchange;

	private final String routingKey;

	private final byte @Nullable [] mandatoryBody;

	final long startNanos;

	private volatile boolean returned;

	PublishConfirm(String exchange, String routingKey, byte @Nullable [] mandatoryBody, long startNanos) {
		this.exchange = exchange;
		this.routingKey = routingKey;
		this.mandatoryBody = mandatoryBody;
		this.startNanos = startNanos;
	}

	/**
	 * Returns whether a {@code basic.return} is this (mandatory) message: same exchange,
	 * routing key and body, and not already returned.
	 */
	boolean matchesReturn(String exchange, String routingKey, byte[] body) {
		return this.mandatoryBody != null && !this.returned && this.routingKey.equals(routingKey)
				&& this.exchange.equals(exchange) && Arrays.equals(this.mandatoryBody, body);
	}

	void markReturned() {
		this.returned = true;
	}

	/**
	 * Returns whether the broker returned the message as unroutable; meaningful once
	 * complete (a return always precedes the confirm).
	 * @return whether it was returned
	 */
	boolean returned() {
		return this.returned;
	}

	/** Takes the broker's {@code basic.ack}. */
	void acked() {
		complete(null);
	}

	/**
	 * Fails the publish.
	 * @param reason what went wrong, for the message
	 * @param cause the underlying failure, or {@code null}
	 */
	void fail(String reason, @Nullable Throwable cause) {
		completeExceptionally(failure(this.exchange, this.routingKey, reason, cause));
	}

	/**
	 * Makes the exception of a failed publish.
	 * @param exchange the exchange
	 * @param routingKey the routing key
	 * @param reason what went wrong
	 * @param cause the underlying failure, or {@code null}
	 * @return the exception
	 */
	static RpcDeliveryException failure(String exchange, String routingKey, String reason, @Nullable Throwable cause) {
		String message = "Failed to publish a message to exchange '" + exchange + "' with routing key '" + routingKey
				+ "': " + reason;
		return (cause != null && BrokerErrors.connectionLost(cause)) ? new RpcConnectionLostException(message, cause)
				: new RpcDeliveryException(message, cause);
	}

	/**
	 * Makes the exception a waiting publisher throws for a failed publish: the same
	 * message and kind, with the waiting thread's stack trace.
	 * @param failure the publish's failure
	 * @return the exception to throw
	 */
	static RpcDeliveryException rethrown(Throwable failure) {
		String message = String.valueOf(failure.getMessage());
		return (failure instanceof RpcConnectionLostException) ? new RpcConnectionLostException(message, failure)
				: new RpcDeliveryException(message, failure);
	}

}
