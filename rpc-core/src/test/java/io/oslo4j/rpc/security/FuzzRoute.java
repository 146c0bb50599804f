package io.oslo4j.rpc.security;

import java.util.List;

/**
 * Where the fuzz publishes a message: an exchange and routing key, and whether the queue
 * behind them is a stream (which cannot dead-letter what the server rejects).
 *
 * @param exchange the exchange
 * @param routingKey the routing key
 * @param stream whether the queue is a stream
 */
record FuzzRoute(String exchange, String routingKey, boolean stream) {

	/**
	 * Returns a server's three queues: {@code T}, {@code T.s1} and its fanout queue.
	 * @param topic the topic
	 * @param streamFanout whether the fanout queue is the topic's shared stream
	 * @return the routes
	 */
	static List<FuzzRoute> serverQueues(String topic, boolean streamFanout) {
		return List.of(new FuzzRoute("openstack", topic, false), new FuzzRoute("openstack", topic + ".s1", false),
				new FuzzRoute(topic + "_fanout", "", streamFanout));
	}

}
