package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.rabbitmq.client.AMQP;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Verifies that a reply queue still receives what is sent to it, and has it repaired when
 * it does not.
 * <p>
 * RabbitMQ can leave a consumer on a queue that no longer exists. Seen on a RabbitMQ
 * 3.10.8 cluster: a client whose classic reply queue lived on a node that stopped
 * declared it again on another node while the survivors were still removing it; the
 * declaration and the consumer were accepted, then the queue vanished without a
 * {@code basic.cancel}. Replies to it came back unroutable, servers published them again
 * until {@code kombu_missing_consumer_retry_timeout}, and every call timed out while
 * nothing on the client looked wrong.
 * <p>
 * A check publishes one empty message of type {@value #TYPE} to the default exchange,
 * mandatory, with the queue as routing key; the reply consumer takes it out before the
 * replies' handler ({@link #arrived}). When the broker returns it, or it has not arrived
 * after {@code arrivalTimeout}, the queue is repaired (declared again, its consumer
 * restarted, under the same name, so that replies servers are still sending reach the
 * calls waiting for them), logged as one warning and counted; the next check follows one
 * interval later. Checks run one interval after the reply consumer was restarted, once
 * the cluster has settled, and when a call on the queue timed out: at most one is in
 * flight and at most one starts per interval, always on the transport's monitor thread.
 */
final class ReplyQueueCheck {

	/** The AMQP {@code type} of a check's message. */
	static final String TYPE = "oslo4j.reply-queue-check";

	private static final Logger logger = LoggerFactory.getLogger(ReplyQueueCheck.class);

	private static final byte[] EMPTY = new byte[0];

	/** Publishes a check's message: mandatory, to the default exchange. */
	@FunctionalInterface
	interface Sender {

		PublishConfirm send(String queue, AMQP.BasicProperties properties) throws IOException;

	}

	private final Sender sender;

	private final ThreadPoolTaskScheduler scheduler;

	private final Consumer<String> repair;

	private final long intervalNanos;

	private final Duration arrivalTimeout;

	private final AtomicReference<@Nullable String> inFlight = new AtomicReference<>();

	private final AtomicLong repairs = new AtomicLong();

	private volatile long lastStartNanos;

	private volatile boolean started;

	/**
	 * Makes a check.
	 * @param sender publishes a check's message
	 * @param scheduler the transport's monitor thread
	 * @param repair declares the queue again and restarts its consumer (on the monitor
	 * thread)
	 * @param interval the least time between two checks ({@code rabbit_retry_interval})
	 * @param arrivalTimeout how long a confirmed check may take to arrive
	 */
	ReplyQueueCheck(Sender sender, ThreadPoolTaskScheduler scheduler, Consumer<String> repair, Duration interval,
			Duration arrivalTimeout) {
		this.sender = sender;
		this.scheduler = scheduler;
		this.repair = repair;
		this.intervalNanos = interval.toNanos();
		this.arrivalTimeout = arrivalTimeout;
	}

	/**
	 * Checks the queue one interval from now (after its consumer was restarted).
	 * @param queue the reply queue
	 */
	void checkLater(String queue) {
		try {
			this.scheduler.schedule(() -> check(queue), Instant.now().plusNanos(this.intervalNanos));
		}
		catch (TaskRejectedException ex) {
			// the transport is closing
		}
	}

	/**
	 * Checks the queue on the monitor thread, unless a check is in flight or the last one
	 * started less than an interval ago.
	 * @param queue the reply queue
	 */
	void checkSoon(String queue) {
		try {
			this.scheduler.execute(() -> check(queue));
		}
		catch (TaskRejectedException ex) {
			// the transport is closing
		}
	}

	/**
	 * Takes a check's message out of the reply stream.
	 * @param token the message's {@code message_id}
	 */
	void arrived(@Nullable String token) {
		// the token read from the message is equal to, not the same as, the one sent
		String current = this.inFlight.get();
		if (current != null && current.equals(token) && this.inFlight.compareAndSet(current, null)) {
			logger.debug("Reply queue check {} arrived", token);
		}
	}

	/**
	 * Returns how many times a reply queue was found not receiving and repaired.
	 * @return the count since the transport was made
	 */
	long repairs() {
		return this.repairs.get();
	}

	private void check(String queue) {
		long now = System.nanoTime();
		if (this.started && now - this.lastStartNanos < this.intervalNanos) {
			return;
		}
		String token = UUID.randomUUID().toString();
		if (!this.inFlight.compareAndSet(null, token)) {
			return;
		}
		this.started = true;
		this.lastStartNanos = now;
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().type(TYPE)
			.messageId(token)
			.deliveryMode(1)
			.build();
		PublishConfirm confirm;
		try {
			confirm = this.sender.send(queue, properties);
		}
		catch (IOException | AmqpException | com.rabbitmq.client.AlreadyClosedException ex) {
			// the broker is not reachable: reconnecting comes first
			this.inFlight.compareAndSet(token, null);
			logger.debug("Could not check reply queue {}: {}", queue, ex.getMessage());
			return;
		}
		confirm.whenComplete((ignored, failure) -> {
			if (failure != null) {
				this.inFlight.compareAndSet(token, null);
			}
			else if (confirm.returned()) {
				fail(queue, token, "the broker returned a message sent to it as unroutable");
			}
			else {
				awaitArrival(queue, token);
			}
		});
	}

	private void awaitArrival(String queue, String token) {
		try {
			this.scheduler.schedule(
					() -> fail(queue, token,
							"a message routed to it did not arrive within " + this.arrivalTimeout.toMillis() + " ms"),
					Instant.now().plus(this.arrivalTimeout));
		}
		catch (TaskRejectedException ex) {
			this.inFlight.compareAndSet(token, null);
		}
	}

	private void fail(String queue, String token, String why) {
		if (!this.inFlight.compareAndSet(token, null)) {
			return;
		}
		this.repairs.incrementAndGet();
		logger.warn("Reply queue {} does not receive what is sent to it ({}); RabbitMQ may have lost it with a "
				+ "node while its consumer stayed. Declaring it again and restarting its consumer", queue, why);
		try {
			this.scheduler.execute(() -> {
				this.repair.accept(queue);
				checkLater(queue);
			});
		}
		catch (TaskRejectedException ex) {
			// the transport is closing
		}
	}

	@Override
	public String toString() {
		return "ReplyQueueCheck[every " + TimeUnit.NANOSECONDS.toMillis(this.intervalNanos) + " ms at most]";
	}

}
