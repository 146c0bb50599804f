package io.oslo4j.rpc.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets of a listener with {@code commit_after_dispatch} (at least once): per
 * partition, the records handed to the endpoints and not settled yet. A partition's
 * committed offset is its lowest unsettled record (or the one after the last record
 * taken), so nothing is committed before its endpoints ran, whatever order executor
 * threads or batches settle in. A requeue seeks the partition back to the requeued
 * record: it and the records after it are delivered again.
 * <p>
 * {@link #settled} may be called from any thread; everything else runs on the consumer's
 * thread. Each partition's tracking has an epoch, so settlements from before a requeue or
 * a rebalance are ignored.
 */
final class KafkaOffsets {

	private static final Logger logger = LoggerFactory.getLogger(KafkaOffsets.class);

	private final ConcurrentLinkedQueue<Settlement> settlements = new ConcurrentLinkedQueue<>();

	private final Map<TopicPartition, Progress> progress = new HashMap<>();

	private long epochs;

	/**
	 * Records that a record is being handed to the endpoints.
	 * @param record the record
	 * @return the epoch to settle it with
	 */
	long track(ConsumerRecord<byte[], byte[]> record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		Progress current = this.progress.get(partition);
		if (current == null) {
			current = new Progress(++this.epochs);
			this.progress.put(partition, current);
		}
		current.pending.add(record.offset());
		current.next = record.offset() + 1;
		return current.epoch;
	}

	/**
	 * Notes that a record was settled (from any thread).
	 */
	void settled(ConsumerRecord<byte[], byte[]> record, long epoch, boolean requeue) {
		this.settlements.add(new Settlement(new TopicPartition(record.topic(), record.partition()), record.offset(),
				epoch, requeue));
	}

	/**
	 * Applies the settlements so far: seeks requeued partitions back and commits what
	 * every partition may commit.
	 * @param consumer the consumer (on its thread)
	 */
	void commit(Consumer<byte[], byte[]> consumer) {
		commit(consumer, this.progress.keySet());
	}

	/**
	 * Commits what the given partitions may commit and forgets them (they were revoked or
	 * lost); their records still in flight will be delivered again to their next owner.
	 * @param consumer the consumer (on its thread)
	 * @param partitions the partitions
	 * @param commit whether to commit (false when they were lost)
	 */
	void forget(Consumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions, boolean commit) {
		if (commit) {
			commit(consumer, partitions);
		}
		partitions.forEach(this.progress::remove);
	}

	private void commit(Consumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions) {
		Settlement settlement;
		while ((settlement = this.settlements.poll()) != null) {
			Progress current = this.progress.get(settlement.partition());
			if (current == null || current.epoch != settlement.epoch()) {
				continue;
			}
			current.pending.remove(settlement.offset());
			if (settlement.requeue() && (current.requeueAt == null || settlement.offset() < current.requeueAt)) {
				current.requeueAt = settlement.offset();
			}
		}
		Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
		for (TopicPartition partition : partitions) {
			Progress current = this.progress.get(partition);
			if (current == null) {
				continue;
			}
			long target;
			Long requeueAt = current.requeueAt;
			if (requeueAt != null) {
				consumer.seek(partition, requeueAt);
				current.pending.clear();
				current.epoch = ++this.epochs;
				current.next = requeueAt;
				current.requeueAt = null;
				target = requeueAt;
			}
			else {
				target = current.pending.isEmpty() ? current.next : current.pending.first();
			}
			if (target > current.committed) {
				commits.put(partition, new OffsetAndMetadata(target));
			}
		}
		if (!commits.isEmpty()) {
			try {
				consumer.commitSync(commits);
				commits.forEach((partition, offset) -> {
					Progress current = this.progress.get(partition);
					if (current != null) {
						current.committed = offset.offset();
					}
				});
			}
			catch (KafkaException ex) {
				logger.warn("Could not commit offsets {}; their records may be delivered again: {}", commits,
						ex.toString());
			}
		}
	}

	/**
	 * Returns how many records are handed out and not settled (as of the last commit).
	 * @return the count
	 */
	int inFlight() {
		int count = 0;
		for (Progress current : this.progress.values()) {
			count += current.pending.size();
		}
		return count;
	}

	private record Settlement(TopicPartition partition, long offset, long epoch, boolean requeue) {
	}

	private static final class Progress {

		private final TreeSet<Long> pending = new TreeSet<>();

		private long epoch;

		private long next = -1;

		private long committed = -1;

		private @Nullable Long requeueAt;

		Progress(long epoch) {
			this.epoch = epoch;
		}

	}

}
