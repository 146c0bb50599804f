package io.oslo4j.rpc.reliability;

import java.util.List;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue-manager service killed and restarted on the shared broker (RabbitMQ 3.10) with
 * quorum reply and fanout queues ({@code rabbit_transient_quorum_queue}): it takes back
 * its fanout queue, {@code <topic>_fanout_<host>:<program>:<n>}, which kept the fanout
 * casts sent while it was down, and runs each of them once; the second copy gets a fanout
 * queue of its own.
 */
class QueueManagerCrashTest extends QueueManagerCrashSuite {

	private static final String HOST = "oslo4j-qm-test";

	@Override
	String hostname() {
		return HOST;
	}

	@Override
	String startBroker() throws Exception {
		deleteQueues();
		return TestBroker.url();
	}

	@Override
	void stopBroker() throws Exception {
		deleteQueues();
	}

	@Override
	String options() {
		return "use_queue_manager=true&rabbit_transient_quorum_queue=true";
	}

	@Override
	List<String> queues(String prefix) {
		return SharedBroker.queues(prefix);
	}

	@Override
	void assertFanoutQueues(List<String> before, List<String> withSecondCopy) {
		assertThat(before).as("the service's fanout queue")
			.singleElement()
			.asString()
			.startsWith(this.topic + "_fanout_" + HOST + ":QueueManagerServer:");
		assertThat(withSecondCopy).as("fanout queues: the restarted one and the second copy's")
			.hasSize(2)
			.containsAll(before);
	}

	@Override
	void assertCastsAfterRestart(List<String> casts) {
		assertThat(casts).as("fanout casts sent while down, each run once, then the marker")
			.containsExactlyInAnyOrder("down-0", "down-1", "down-2", "down-3", "down-4", "marker");
	}

	private void deleteQueues() throws Exception {
		SharedBroker.deleteQueues("reply_" + HOST + ":");
		SharedBroker.deleteQueues(this.topic);
		// the fanout exchange of quorum fanout queues is durable: it stays when they go
		try (Connection connection = BrokerQueues.rawConnectionFactory(TestBroker.url()).newConnection();
				Channel channel = connection.createChannel()) {
			channel.exchangeDelete(this.topic + "_fanout");
			channel.exchangeDelete(this.topic + "_callee_fanout");
		}
	}

}
