package io.oslo4j.rpc.kafka;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces notification records without ever blocking the notifier, as oslo's librdkafka
 * producer does: records go into a queue of {@value #CAPACITY}, and one thread hands them
 * to the Kafka producer, which batches and sends them in the background. The Kafka client
 * blocks a send while it has no metadata of the topic (a broker that is down, up to
 * {@code max.block.ms}, 60 s); only this thread waits then, and the queue keeps what the
 * notifiers send meanwhile. A record is lost, and logged, when the queue is full, when
 * the client gives up waiting for metadata, or when the brokers do not take it within the
 * client's {@code delivery.timeout.ms} (120 s).
 */
final class KafkaNotificationPublisher implements AutoCloseable {

	/** How many records may wait for the producer. */
	static final int CAPACITY = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(KafkaNotificationPublisher.class);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

	private final Producer<byte[], byte[]> producer;

	private final BlockingQueue<ProducerRecord<byte[], byte[]>> queue = new ArrayBlockingQueue<>(CAPACITY);

	private final Runnable onDelivered;

	private final AtomicLong lost = new AtomicLong();

	private final Thread thread;

	private volatile boolean closed;

	KafkaNotificationPublisher(Producer<byte[], byte[]> producer, Runnable onDelivered) {
		this.producer = producer;
		this.onDelivered = onDelivered;
		this.thread = new Thread(this::run, "oslo4j-kafka-notifier");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Queues a record; never blocks.
	 * @param record the record
	 */
	void publish(ProducerRecord<byte[], byte[]> record) {
		if (this.closed || !this.queue.offer(record)) {
			lost(record.topic(), this.closed ? "the transport is closed" : "the queue of " + CAPACITY + " is full");
		}
	}

	private void run() {
		while (!this.closed || !this.queue.isEmpty()) {
			ProducerRecord<byte[], byte[]> record;
			try {
				record = this.queue.poll(1, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (record != null) {
				send(record);
			}
		}
	}

	private void send(ProducerRecord<byte[], byte[]> record) {
		try {
			this.producer.send(record, (metadata, failure) -> {
				if (failure == null) {
					this.onDelivered.run();
				}
				else {
					lost(record.topic(), failure.toString());
				}
			});
		}
		catch (KafkaException ex) {
			lost(record.topic(), ex.toString());
		}
	}

	private void lost(String topic, String reason) {
		long count = this.lost.incrementAndGet();
		if (count == 1 || Long.bitCount(count) == 1) {
			logger.error("Produce message failed on topic {}: {} ({} notifications lost so far)", topic, reason, count);
		}
	}

	/**
	 * Returns how many notifications were lost.
	 * @return the count
	 */
	long lostCount() {
		return this.lost.get();
	}

	/**
	 * Hands what is queued to the producer and closes it, sending what it buffers, within
	 * about 10 s each.
	 */
	@Override
	public void close() {
		this.closed = true;
		try {
			this.thread.join(CLOSE_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.producer.close(CLOSE_TIMEOUT);
	}

}
