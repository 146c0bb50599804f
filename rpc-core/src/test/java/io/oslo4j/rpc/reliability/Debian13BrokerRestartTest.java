package io.oslo4j.rpc.reliability;

import java.util.Collection;

import io.oslo4j.rpc.test.RabbitNode;

/**
 * Broker restart on RabbitMQ 4.0.5 (the Debian 13 root's) in kolla-ansible 2025.1's mode:
 * quorum topic queues, quorum reply queues ({@code rabbit_transient_quorum_queue}) with
 * queue-manager names, and the shared fanout stream. 20 s of load.
 */
class Debian13BrokerRestartTest extends BrokerRestartSuite {

	/** kolla-ansible 2025.1's options (prefetch 1, as it renders). */
	static final String KOLLA_MODE = "rabbit_quorum_queue=true&rabbit_transient_quorum_queue=true"
			+ "&use_queue_manager=true&rabbit_stream_fanout=true&rabbit_qos_prefetch_count=1";

	Debian13BrokerRestartTest() {
		super(20);
	}

	@Override
	RabbitNode startNode() {
		// port 5810 (distribution 25810, epmd 45810): the RabbitMQ 4 fault tests' range
		// 5810-5829
		return RabbitNode.builder("oslo4j-faults-restart4", 5810).debian13().start();
	}

	@Override
	String options() {
		return "?" + KOLLA_MODE + "&rpc_conn_pool_size=" + CHANNEL_CACHE;
	}

	@Override
	String fanoutQueue(Collection<String> queues) {
		// the shared stream, named after its exchange
		return TOPIC + "_fanout";
	}

}
