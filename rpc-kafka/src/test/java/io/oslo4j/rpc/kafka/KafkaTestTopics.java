package io.oslo4j.rpc.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Fresh notification topics for one test: {@code <topic>.<priority>} for every priority,
 * created with a number of partitions, and consumer groups whose offsets start at 0 (so a
 * listener that joins after a record was produced still gets it: oslo's consumers start
 * at the latest offset, which would race with the first records).
 */
public final class KafkaTestTopics {

	public static final List<String> PRIORITIES = List.of("audit", "debug", "info", "warn", "error", "critical",
			"sample");

	private final KafkaTestBroker broker;

	private final String topic;

	private final int partitions;

	public KafkaTestTopics(KafkaTestBroker broker, String prefix, int partitions) {
		this.broker = broker;
		this.topic = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
		this.partitions = partitions;
		broker.createTopics(partitions, kafkaTopics(""));
	}

	/** Returns the oslo notification topic. */
	public String topic() {
		return this.topic;
	}

	/** Returns the Kafka topics, one per priority, each with the given suffix. */
	public List<String> kafkaTopics(String suffix) {
		List<String> topics = new ArrayList<>();
		for (String priority : PRIORITIES) {
			topics.add(this.topic + "." + priority + suffix);
		}
		return topics;
	}

	/**
	 * Makes a fresh group name whose offsets on every partition of these topics are 0.
	 * @param name the group name's prefix
	 * @return the group
	 */
	public String group(String name) {
		String group = name + "_" + UUID.randomUUID().toString().substring(0, 8);
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		for (String kafkaTopic : kafkaTopics("")) {
			for (int p = 0; p < this.partitions; p++) {
				offsets.put(new TopicPartition(kafkaTopic, p), new OffsetAndMetadata(0));
			}
		}
		try (Admin admin = this.broker.admin()) {
			admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot set the offsets of group " + group + ": " + ex, ex);
		}
		return group;
	}

}
