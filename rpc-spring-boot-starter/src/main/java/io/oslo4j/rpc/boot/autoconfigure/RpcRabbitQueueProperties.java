package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * The queue topology part of {@code rpc.rabbit.*}: which queues and exchanges the
 * transport declares and with which arguments (durable, quorum, stream fanout, expiry,
 * quorum limits, stable names). Bound as part of {@link RpcRabbitProperties}, under the
 * same prefix.
 */
public abstract class RpcRabbitQueueProperties {

	/**
	 * Whether the topic exchange and queues are durable (amqp_durable_queues).
	 */
	private boolean durableQueues;

	/**
	 * Whether topic queues are quorum queues (rabbit_quorum_queue); implies durable.
	 */
	private boolean quorumQueues;

	/**
	 * How long unused fanout and reply queues live (rabbit_transient_queues_ttl, whole
	 * seconds: a number without unit is seconds, fractions of a second are refused); 0
	 * for no expiry.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration transientQueuesTtl = Duration.ofSeconds(1800);

	/**
	 * Whether reply and fanout queues are quorum queues, durable, and the fanout
	 * exchanges durable (rabbit_transient_quorum_queue). Needed on RabbitMQ 4.3 and
	 * later, which refuses transient non-exclusive queues by default. Not set: oslo's
	 * default, false.
	 */
	private @Nullable Boolean transientQuorumQueues;

	/**
	 * Whether fanout casts go through one stream per topic, "<topic>_fanout", shared by
	 * every server (rabbit_stream_fanout). Requires transient-quorum-queues=true and a
	 * prefetch greater than 0. Not set: oslo's default, false.
	 */
	private @Nullable Boolean streamFanout;

	/**
	 * Delivery limit of quorum queues (rabbit_quorum_delivery_limit, deliveries): a
	 * message redelivered this many times is dropped. 0 for none (RabbitMQ 4 then applies
	 * its own default of 20). Not set: oslo's default, 0.
	 */
	private @Nullable Integer quorumDeliveryLimit;

	/**
	 * Messages a quorum queue keeps in memory (rabbit_quorum_max_memory_length,
	 * messages); 0 for no limit. Not set: oslo's default, 0.
	 */
	private @Nullable Integer quorumMaxMemoryLength;

	/**
	 * Bytes of messages a quorum queue keeps in memory (rabbit_quorum_max_memory_bytes; a
	 * number without unit is bytes); 0 for no limit. Not set: oslo's default, 0.
	 */
	@DataSizeUnit(DataUnit.BYTES)
	private @Nullable DataSize quorumMaxMemoryBytes;

	/**
	 * Stable names for reply and fanout queues (oslo's queue manager).
	 */
	@NestedConfigurationProperty
	private final RpcRabbitQueueManagerProperties queueManager = new RpcRabbitQueueManagerProperties();

	public boolean isDurableQueues() {
		return this.durableQueues;
	}

	public void setDurableQueues(boolean durableQueues) {
		this.durableQueues = durableQueues;
	}

	public boolean isQuorumQueues() {
		return this.quorumQueues;
	}

	public void setQuorumQueues(boolean quorumQueues) {
		this.quorumQueues = quorumQueues;
	}

	public Duration getTransientQueuesTtl() {
		return this.transientQueuesTtl;
	}

	public void setTransientQueuesTtl(Duration transientQueuesTtl) {
		this.transientQueuesTtl = transientQueuesTtl;
	}

	public @Nullable Boolean getTransientQuorumQueues() {
		return this.transientQuorumQueues;
	}

	public void setTransientQuorumQueues(@Nullable Boolean transientQuorumQueues) {
		this.transientQuorumQueues = transientQuorumQueues;
	}

	public @Nullable Boolean getStreamFanout() {
		return this.streamFanout;
	}

	public void setStreamFanout(@Nullable Boolean streamFanout) {
		this.streamFanout = streamFanout;
	}

	public @Nullable Integer getQuorumDeliveryLimit() {
		return this.quorumDeliveryLimit;
	}

	public void setQuorumDeliveryLimit(@Nullable Integer quorumDeliveryLimit) {
		this.quorumDeliveryLimit = quorumDeliveryLimit;
	}

	public @Nullable Integer getQuorumMaxMemoryLength() {
		return this.quorumMaxMemoryLength;
	}

	public void setQuorumMaxMemoryLength(@Nullable Integer quorumMaxMemoryLength) {
		this.quorumMaxMemoryLength = quorumMaxMemoryLength;
	}

	public @Nullable DataSize getQuorumMaxMemoryBytes() {
		return this.quorumMaxMemoryBytes;
	}

	public void setQuorumMaxMemoryBytes(@Nullable DataSize quorumMaxMemoryBytes) {
		this.quorumMaxMemoryBytes = quorumMaxMemoryBytes;
	}

	public RpcRabbitQueueManagerProperties getQueueManager() {
		return this.queueManager;
	}

}
