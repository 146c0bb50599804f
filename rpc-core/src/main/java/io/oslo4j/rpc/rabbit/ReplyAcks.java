package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import com.rabbitmq.client.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;

/**
 * Acknowledges the deliveries of a reply queue in batches: one {@code basic.ack} with
 * {@code multiple} for up to {@link #batchSize()} replies, and at most {@link #MAX_DELAY}
 * after the first of them. An ack per reply cost the client a socket write and the broker
 * an ack to process on every call.
 * <p>
 * A reply is handled (its caller woken) before it is acknowledged, as before; what
 * changes is only how long an already handled reply stays unacknowledged. If the
 * connection is lost in that time the broker delivers those replies again, to calls that
 * no longer wait, and they are dropped (flagged redelivered, they are not counted again
 * as late replies): nothing waits on an ack of a reply. Requests are never acknowledged
 * this way (oslo acknowledges each one before it runs).
 * <p>
 * Only the delivery thread of the reply queue's consumer calls {@link #handled}; the
 * scheduler calls {@link #flush}. A new channel (the consumer was restarted after a
 * connection loss) starts a new batch: the old channel's deliveries were settled by its
 * closing.
 */
final class ReplyAcks {

	private static final Logger logger = LoggerFactory.getLogger(ReplyAcks.class);

	/** How many replies one ack settles at most. */
	static final int MAX_BATCH = 32;

	/** How long a handled reply stays unacknowledged at most (when no more arrive). */
	static final Duration MAX_DELAY = Duration.ofMillis(100);

	private final int batchSize;

	private final TaskScheduler scheduler;

	private final Lock lock = new ReentrantLock();

	private @Nullable Channel channel;

	private long lastTag;

	private int pending;

	private boolean flushScheduled;

	private ReplyAcks(int batchSize, TaskScheduler scheduler) {
		this.batchSize = batchSize;
		this.scheduler = scheduler;
	}

	/**
	 * Returns batched acks for a reply queue consumed with the given prefetch, or
	 * {@code null} when the prefetch is too small to leave room for a batch (each reply
	 * is then acked on its own).
	 * @param prefetch {@code rabbit_qos_prefetch_count}: 0 for no limit
	 * @param scheduler runs the delayed flushes
	 * @return the acks, or {@code null} to ack each reply
	 */
	static @Nullable ReplyAcks forPrefetch(int prefetch, TaskScheduler scheduler) {
		// unacknowledged replies count against the prefetch: leave half of it for
		// deliveries
		int batch = (prefetch <= 0) ? MAX_BATCH : Math.min(MAX_BATCH, prefetch / 2);
		return (batch < 2) ? null : new ReplyAcks(batch, scheduler);
	}

	/**
	 * Returns how many replies one ack settles at most.
	 * @return the batch size
	 */
	int batchSize() {
		return this.batchSize;
	}

	/**
	 * Records a handled, unsettled delivery; acks the batch once it is full.
	 * @param channel the channel it was delivered on
	 * @param deliveryTag its delivery tag
	 */
	void handled(Channel channel, long deliveryTag) {
		this.lock.lock();
		try {
			if (this.channel != channel) {
				this.channel = channel;
				this.pending = 0;
			}
			this.lastTag = deliveryTag;
			this.pending++;
			if (this.pending >= this.batchSize) {
				sendLocked();
			}
			else if (!this.flushScheduled) {
				this.flushScheduled = scheduleFlush();
				if (!this.flushScheduled) {
					sendLocked();
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Acks the replies handled since the last ack, if any.
	 */
	void flush() {
		this.lock.lock();
		try {
			this.flushScheduled = false;
			if (this.pending > 0) {
				sendLocked();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean scheduleFlush() {
		try {
			this.scheduler.schedule(this::flush, Instant.now().plus(MAX_DELAY));
			return true;
		}
		catch (TaskRejectedException ex) {
			// the transport is closing: ack at once
			return false;
		}
	}

	private void sendLocked() {
		Channel target = this.channel;
		int count = this.pending;
		this.pending = 0;
		if (target == null) {
			return;
		}
		try {
			target.basicAck(this.lastTag, true);
		}
		catch (Exception ex) {
			logger.debug("Failed to ack {} replies (the broker delivers them again, as late replies): {}", count,
					BrokerErrors.describe(ex));
		}
	}

}
