package io.oslo4j.rpc.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.Listener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka consumer of a notification listener, in its consumer group (the pool, or
 * {@code consumer_group}), subscribed to {@code <topic>.<priority>} for every target and
 * priority, polled by a thread of its own. As oslo's driver, it commits the offsets of
 * every poll before handing the records on (at most once: what the endpoints were
 * handling when the process died is not delivered again); with
 * {@code commit_after_dispatch} it commits through {@link KafkaOffsets} after the
 * endpoints ran (at least once). With {@code enable_auto_commit} the client commits in
 * the background.
 * <p>
 * {@link #stop()} pauses every partition (the consumer stays in its group, so its
 * partitions are not handed to another member while the records taken are handled);
 * {@link #close()} commits what was handled and leaves the group.
 */
final class KafkaNotificationListener implements Listener {

	private static final Logger logger = LoggerFactory.getLogger(KafkaNotificationListener.class);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

	private final Consumer<byte[], byte[]> consumer;

	private final List<String> topics;

	private final String group;

	private final DeliveryHandler handler;

	private final Duration pollTimeout;

	private final boolean commitBeforeDispatch;

	private final @Nullable KafkaOffsets offsets;

	private final Thread thread;

	private final CountDownLatch closing = new CountDownLatch(1);

	private final AtomicLong failures = new AtomicLong();

	private volatile boolean stopped;

	private volatile boolean joined;

	private volatile boolean failing;

	KafkaNotificationListener(Consumer<byte[], byte[]> consumer, List<String> topics, String group,
			DeliveryHandler handler, KafkaOptions options) {
		this.consumer = consumer;
		this.topics = List.copyOf(topics);
		this.group = group;
		this.handler = handler;
		this.pollTimeout = options.consumerTimeout();
		this.commitBeforeDispatch = !options.enableAutoCommit() && !options.commitAfterDispatch();
		this.offsets = options.commitAfterDispatch() ? new KafkaOffsets() : null;
		this.thread = new Thread(this::run, "oslo4j-kafka-" + group);
		this.thread.setDaemon(true);
	}

	/** Subscribes and starts polling. */
	void start() {
		this.thread.start();
	}

	private void run() {
		try {
			this.consumer.subscribe(this.topics, new Rebalance());
			logger.debug("Subscribed to {} as {}", this.topics, this.group);
			while (this.closing.getCount() > 0) {
				if (this.stopped) {
					this.consumer.pause(this.consumer.assignment());
				}
				pollOnce();
			}
		}
		catch (RuntimeException ex) {
			logger.error("Kafka consumer of {} in group {} failed", this.topics, this.group, ex);
		}
		finally {
			try {
				if (this.offsets != null) {
					this.offsets.commit(this.consumer);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not commit the last offsets of {}: {}", this.topics, ex.toString());
			}
			this.consumer.close(CLOSE_TIMEOUT);
		}
	}

	private void pollOnce() {
		ConsumerRecords<byte[], byte[]> records;
		try {
			records = this.consumer.poll(this.pollTimeout);
			this.failing = false;
			this.failures.set(0);
		}
		catch (WakeupException ex) {
			return;
		}
		catch (KafkaException ex) {
			backOff(ex);
			return;
		}
		if (this.offsets != null) {
			this.offsets.commit(this.consumer);
		}
		if (records.isEmpty()) {
			return;
		}
		if (this.stopped) {
			// taken after stop(): leave them for the group, uncommitted
			rewind(records);
			return;
		}
		if (this.commitBeforeDispatch) {
			try {
				this.consumer.commitSync();
			}
			catch (KafkaException ex) {
				logger.warn("Could not commit the offsets of {} records of {} before dispatch: {}", records.count(),
						this.topics, ex.toString());
			}
		}
		for (ConsumerRecord<byte[], byte[]> record : records) {
			long epoch = (this.offsets != null) ? this.offsets.track(record) : 0;
			KafkaIncomingMessage message = new KafkaIncomingMessage(record, this.offsets, epoch);
			try {
				this.handler.onMessage(message);
			}
			catch (RuntimeException ex) {
				logger.error("Notification handler failed on {}-{}@{}", record.topic(), record.partition(),
						record.offset(), ex);
				message.reject(false);
			}
		}
		if (this.offsets != null) {
			this.offsets.commit(this.consumer);
		}
	}

	private void rewind(ConsumerRecords<byte[], byte[]> records) {
		Map<TopicPartition, Long> first = new HashMap<>();
		for (ConsumerRecord<byte[], byte[]> record : records) {
			first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
		}
		first.forEach(this.consumer::seek);
		this.consumer.pause(first.keySet());
	}

	private void backOff(KafkaException ex) {
		long count = this.failures.incrementAndGet();
		this.failing = true;
		if (count == 1 || Long.bitCount(count) == 1) {
			logger.warn("Kafka consumer of {} in group {} cannot poll ({} times so far): {}", this.topics, this.group,
					count, ex.toString());
		}
		try {
			this.closing.await(Math.min(count, 30), TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.stopped = true;
		this.consumer.wakeup();
	}

	@Override
	public void close() {
		this.stopped = true;
		this.closing.countDown();
		this.consumer.wakeup();
		if (Thread.currentThread() != this.thread) {
			try {
				this.thread.join(CLOSE_TIMEOUT.multipliedBy(2).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Returns whether the consumer polls and has joined its group (been given its
	 * partitions, possibly none) at least once.
	 */
	@Override
	public boolean isRunning() {
		return !this.stopped && this.joined && !this.failing && this.thread.isAlive();
	}

	/**
	 * Returns the topics this consumer subscribes to.
	 * @return the topics
	 */
	List<String> topics() {
		return this.topics;
	}

	@Override
	public String toString() {
		return "KafkaNotificationListener[topics=" + this.topics + ", group=" + this.group + "]";
	}

	private final class Rebalance implements ConsumerRebalanceListener {

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			KafkaNotificationListener.this.joined = true;
			if (KafkaNotificationListener.this.stopped) {
				KafkaNotificationListener.this.consumer.pause(partitions);
			}
			logger.debug("Group {} assigned {}", KafkaNotificationListener.this.group, partitions);
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			KafkaOffsets current = KafkaNotificationListener.this.offsets;
			if (current != null) {
				current.forget(KafkaNotificationListener.this.consumer, partitions, true);
			}
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			KafkaOffsets current = KafkaNotificationListener.this.offsets;
			if (current != null) {
				current.forget(KafkaNotificationListener.this.consumer, partitions, false);
			}
		}

	}

}
