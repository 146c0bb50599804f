package io.oslo4j.rpc.boot.notify;

import java.util.Arrays;

import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.test.BrokerQueues;

/**
 * Deletes the notification queues a broker test left: oslo never deletes them.
 */
final class NotificationQueues {

	private NotificationQueues() {
	}

	/**
	 * Deletes {@code <topic>.<priority>} for every priority.
	 * @param topic the topic
	 */
	static void delete(String topic) {
		BrokerQueues
			.delete(Arrays.stream(NotificationPriority.values()).map((p) -> topic + "." + p.lowerName()).toList());
	}

}
