package io.oslo4j.rpc.kafka;

import io.oslo4j.rpc.Target;

/**
 * The Kafka topics of oslo's notifications: {@code <topic>.<priority>}.
 */
public final class KafkaTopics {

	private KafkaTopics() {
	}

	/**
	 * Returns the Kafka topic a listener subscribes to: {@code <topic>.<priority>},
	 * without the vhost (as oslo's listener).
	 * @param target the notification topic
	 * @param priority the lower-case priority
	 * @return the Kafka topic
	 * @throws IllegalArgumentException when the target has no topic
	 */
	public static String listenerTopic(Target target, String priority) {
		String topic = target.topic();
		if (topic == null || topic.isEmpty()) {
			throw new IllegalArgumentException("a Kafka notification target needs a topic: " + target);
		}
		return topic + "." + priority;
	}

}
