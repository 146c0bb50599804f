package io.oslo4j.rpc.reliability;

import java.util.Collection;

import io.oslo4j.rpc.test.RabbitNode;

/**
 * Broker restart on RabbitMQ 3.10 (the host's) in oslo's default mode with
 * {@code amqp_durable_queues}: durable classic topic queues keep the casts queued when
 * the broker stopped. 60 s of load.
 */
class BrokerRestartTest extends BrokerRestartSuite {

	BrokerRestartTest() {
		super(60);
	}

	@Override
	RabbitNode startNode() {
		// port 5701: the core fault tests' range
		return RabbitNode.builder("oslo4j-faults-restart", 5701).start();
	}

	@Override
	String options() {
		return "?amqp_durable_queues=true&rpc_conn_pool_size=" + CHANNEL_CACHE;
	}

	@Override
	String fanoutQueue(Collection<String> queues) {
		return queues.stream().filter((name) -> name.startsWith(TOPIC + "_fanout_")).findFirst().orElse("none");
	}

}
