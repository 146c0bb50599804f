package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.transport.Completions;
import io.oslo4j.rpc.transport.RetryTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;

/**
 * Sends replies as oslo does: to the default exchange, routing key the reply queue,
 * mandatory. A reply the broker returns (its queue is gone, or not there yet) is
 * published again every 0.25 s until {@code kombu_missing_consumer_retry_timeout}, then
 * dropped with a warning, and its queue is remembered as obsolete for 60 s.
 * <p>
 * A reply whose connection is lost before the broker confirmed it (a broker restart, a
 * cluster node stopping, a network cut) is published again on a new connection, as oslo's
 * server does (its {@code ensure} reconnects and publishes again): after 0.25 s, then
 * waiting twice as long each time up to 2 s, until the same timeout. So a call whose
 * request reached the server is answered across a failover instead of timing out; if the
 * lost connection had delivered the reply after all, the caller gets it twice and drops
 * the second as a late reply. A reply the broker refused ({@code basic.nack}, a channel
 * error) or did not confirm in time is not published again.
 * <p>
 * A reply to a direct reply-to address ({@code amq.rabbitmq.reply-to.*}) is not
 * mandatory: RabbitMQ delivers it to the caller's channel but counts it as routed to no
 * queue, so a mandatory one would always come back, and be sent again and again while it
 * is delivered each time. When the caller's channel is gone the broker drops it.
 * <p>
 * Sending does not wait: the future completes when the broker confirmed the reply (or it
 * was abandoned), so a server worker is free as soon as the reply is written. The confirm
 * completes the future on the connection's thread, and retries run on their own thread
 * (started on the first retry), never there: a retry may wait for a new connection.
 */
final class RabbitReplies {

	private static final Logger logger = LoggerFactory.getLogger(RabbitReplies.class);

	private static final String DIRECT_REPLY_TO = DirectReplyTo.PSEUDO_QUEUE + ".";

	private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private static final long MAX_RECONNECT_RETRY_NANOS = TimeUnit.SECONDS.toNanos(2);

	private final ConfirmChannels channels;

	private final long retryTimeoutNanos;

	private final ObsoleteReplyQueues obsoleteReplyQueues = new ObsoleteReplyQueues();

	private final RetryTimer timer = new RetryTimer("oslo4j-reply-retry");

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
		attempt(replyQueue, body, System.nanoTime(), 0, done);
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

	private void attempt(String replyQueue, byte[] body, long start, int reconnects, CompletableFuture<Void> done) {
		PublishConfirm confirm;
		try {
			confirm = this.channels.publish("", replyQueue, !replyQueue.startsWith(DIRECT_REPLY_TO),
					RabbitPublisher.PROPERTIES, body);
		}
		catch (AmqpException | IOException | com.rabbitmq.client.AlreadyClosedException ex) {
			if (!this.channels.isClosed() && BrokerErrors.connectionLost(ex)) {
				reconnectLater(replyQueue, body, start, reconnects, done, ex);
			}
			else {
				done.completeExceptionally(RabbitPublisher.failure("", replyQueue, ex));
			}
			return;
		}
		confirm.whenComplete((ignored, failure) -> {
			if (failure != null) {
				if (!this.channels.isClosed() && BrokerErrors.connectionLost(failure)) {
					reconnectLater(replyQueue, body, start, reconnects, done, failure);
				}
				else {
					done.completeExceptionally(deliveryFailure(failure, replyQueue));
				}
			}
			else if (!confirm.returned()) {
				done.complete(null);
			}
			else {
				retryLater(replyQueue, body, start, reconnects, done);
			}
		});
	}

	private void retryLater(String replyQueue, byte[] body, long start, int reconnects, CompletableFuture<Void> done) {
		long elapsed = System.nanoTime() - start;
		if (elapsed >= this.retryTimeoutNanos) {
			logger.warn("The reply failed to send after {} seconds due to a missing queue ({}). Abandoning...",
					TimeUnit.NANOSECONDS.toSeconds(elapsed), replyQueue);
			this.obsoleteReplyQueues.add(replyQueue);
			done.complete(null);
			return;
		}
		long delay = Math.min(RETRY_NANOS, this.retryTimeoutNanos - elapsed);
		schedule(delay, () -> attempt(replyQueue, body, start, reconnects, done), done, replyQueue);
	}

	private void reconnectLater(String replyQueue, byte[] body, long start, int reconnects,
			CompletableFuture<Void> done, Throwable failure) {
		long elapsed = System.nanoTime() - start;
		if (elapsed >= this.retryTimeoutNanos) {
			done.completeExceptionally(deliveryFailure(failure, replyQueue));
			return;
		}
		long delay = Math.min(Math.min(RETRY_NANOS << Math.min(reconnects, 3), MAX_RECONNECT_RETRY_NANOS),
				this.retryTimeoutNanos - elapsed);
		logger.debug("The connection of the reply to {} was lost ({}); publishing it again in {} ms", replyQueue,
				BrokerErrors.describe(failure), TimeUnit.NANOSECONDS.toMillis(delay));
		schedule(delay, () -> attempt(replyQueue, body, start, reconnects + 1, done), done, replyQueue);
	}

	private void schedule(long delayNanos, Runnable attempt, CompletableFuture<Void> done, String replyQueue) {
		if (!this.timer.schedule(delayNanos, attempt)) {
			done.completeExceptionally(
					PublishConfirm.failure("", replyQueue, "the transport closed before the reply was sent", null));
		}
	}

	/**
	 * Stops the retries: replies waiting for one fail.
	 */
	void close() {
		this.timer.close();
	}

	private static RpcDeliveryException deliveryFailure(Throwable failure, String replyQueue) {
		Throwable cause = Completions.cause(failure);
		if (cause instanceof RpcDeliveryException delivery) {
			return delivery;
		}
		return PublishConfirm.failure("", replyQueue, String.valueOf(cause.getMessage()), cause);
	}

}
