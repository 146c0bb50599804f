package io.oslo4j.rpc.kafka;

import java.util.concurrent.atomic.AtomicBoolean;

import io.oslo4j.rpc.transport.IncomingMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notification record. With oslo's commit before dispatch (at most once) its offset is
 * committed already: settling it does nothing, and a requeue is logged as unsupported, as
 * oslo's {@code OsloKafkaMessage.requeue} does. With {@code commit_after_dispatch} it
 * reports to its {@link KafkaOffsets}, which commits it, or seeks back to it for a
 * requeue.
 */
final class KafkaIncomingMessage implements IncomingMessage {

	private static final Logger logger = LoggerFactory.getLogger(KafkaIncomingMessage.class);

	private final ConsumerRecord<byte[], byte[]> record;

	private final @Nullable KafkaOffsets offsets;

	private final long epoch;

	private final AtomicBoolean settled = new AtomicBoolean();

	KafkaIncomingMessage(ConsumerRecord<byte[], byte[]> record, @Nullable KafkaOffsets offsets, long epoch) {
		this.record = record;
		this.offsets = offsets;
		this.epoch = epoch;
	}

	@Override
	public byte[] body() {
		byte[] value = this.record.value();
		return (value != null) ? value : new byte[0];
	}

	@Override
	public @Nullable String contentType() {
		return null;
	}

	@Override
	public @Nullable String contentEncoding() {
		return null;
	}

	@Override
	public String queue() {
		return this.record.topic();
	}

	@Override
	public boolean redelivered() {
		return false;
	}

	@Override
	public boolean ack() {
		if (!this.settled.compareAndSet(false, true)) {
			return false;
		}
		if (this.offsets != null) {
			this.offsets.settled(this.record, this.epoch, false);
		}
		return true;
	}

	@Override
	public void reject(boolean requeue) {
		if (!this.settled.compareAndSet(false, true)) {
			return;
		}
		if (this.offsets != null) {
			this.offsets.settled(this.record, this.epoch, requeue);
		}
		else if (requeue) {
			logger.warn(
					"requeue is not supported by the Kafka driver with commit before dispatch (topic {}, "
							+ "partition {}, offset {}); set commit_after_dispatch=true for it",
					this.record.topic(), this.record.partition(), this.record.offset());
		}
	}

}
