package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.transport.Completions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;

/**
 * Sends replies as oslo does: to the default exchange, routing key the reply queue,
 * mandatory. A reply the broker returns (its queue is gone, or not there yet) is
 * published again every 0.25 s until {@code kombu_missing_consumer_retry_timeout}, then
 * dropped with a warning, and its queue is remembered as obsolete for 60 s.
 * <p>
 * A reply to a direct reply-to address ({@code amq.rabbitmq.reply-to.*}) is not
 * mandatory: RabbitMQ delivers it to the caller's channel but counts it as routed to no
 * queue, so a mandatory one would always come back, and be sent again and again while it
 * is delivered each time. When the caller's channel is gone the broker drops it.
 * <p>
 * Sending does not wait: the future completes when the broker confirmed the reply (or it
 * was abandoned), so a server worker is free as soon as the reply is written. The confirm
 * completes the future on the connection's thread, and retries run on a timer, never
 * there.
 */
final class RabbitReplies {

	private static final Logger logger = LoggerFactory.getLogger(RabbitReplies.class);

	private static final String DIRECT_REPLY_TO = DirectReplyTo.PSEUDO_QUEUE + ".";

	private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private final ConfirmChannels channels;

	private final long retryTimeoutNanos;

	private final ObsoleteReplyQueues obsoleteReplyQueues = new ObsoleteReplyQueues();

	RabbitReplies(ConfirmChannels channels, Duration retryTimeout) {
		this.channels = channels;
		this.retryTimeoutNanos = retryTimeout.toNanos();
	}

	/**
	 * Publishes a reply without waiting for its confirm.
	 * @param replyQueue the reply queue
	 * @param body the body
	 * @return completes when the broker confirmed the reply, or when it was dropped (its
	 * queue obsolete, or missing for the whole retry timeout); fails with a
	 * {@link RpcDeliveryException} when the broker did not take it
	 */
	CompletableFuture<Void> send(String replyQueue, byte[] body) {
		if (this.obsoleteReplyQueues.contains(replyQueue)) {
			logger.info("The reply queue {} doesn't exist (found missing less than 60 seconds ago); "
					+ "dropping the reply", replyQueue);
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Void> done = new CompletableFuture<>();
		attempt(replyQueue, body, System.nanoTime(), done);
		return done;
	}

	/**
	 * Publishes a reply and waits until it is confirmed or dropped.
	 * @param replyQueue the reply queue
	 * @param body the body
	 * @throws RpcDeliveryException when the broker did not take it, or when interrupted
	 */
	void sendAndWait(String replyQueue, byte[] body) {
		try {
			send(replyQueue, body).get();
		}
		catch (ExecutionException ex) {
			throw deliveryFailure(ex.getCause(), replyQueue);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw PublishConfirm.failure("", replyQueue, "interrupted while waiting for the confirm", ex);
		}
	}

	private void attempt(String replyQueue, byte[] body, long start, CompletableFuture<Void> done) {
		PublishConfirm confirm;
		try {
			confirm = this.channels.publish("", replyQueue, !replyQueue.startsWith(DIRECT_REPLY_TO),
					RabbitPublisher.PROPERTIES, body);
		}
		catch (AmqpException | IOException | com.rabbitmq.client.AlreadyClosedException ex) {
			done.completeExceptionally(RabbitPublisher.failure("", replyQueue, ex));
			return;
		}
		confirm.whenComplete((ignored, failure) -> {
			if (failure != null) {
				done.completeExceptionally(deliveryFailure(failure, replyQueue));
			}
			else if (!confirm.returned()) {
				done.complete(null);
			}
			else {
				retryLater(replyQueue, body, start, done);
			}
		});
	}

	private void retryLater(String replyQueue, byte[] body, long start, CompletableFuture<Void> done) {
		long elapsed = System.nanoTime() - start;
		if (elapsed >= this.retryTimeoutNanos) {
			logger.warn("The reply failed to send after {} seconds due to a missing queue ({}). Abandoning...",
					TimeUnit.NANOSECONDS.toSeconds(elapsed), replyQueue);
			this.obsoleteReplyQueues.add(replyQueue);
			done.complete(null);
			return;
		}
		long delay = Math.min(RETRY_NANOS, this.retryTimeoutNanos - elapsed);
		CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS)
			.execute(() -> attempt(replyQueue, body, start, done));
	}

	private static RpcDeliveryException deliveryFailure(Throwable failure, String replyQueue) {
		Throwable cause = Completions.cause(failure);
		if (cause instanceof RpcDeliveryException delivery) {
			return delivery;
		}
		return PublishConfirm.failure("", replyQueue, String.valueOf(cause.getMessage()), cause);
	}

}
