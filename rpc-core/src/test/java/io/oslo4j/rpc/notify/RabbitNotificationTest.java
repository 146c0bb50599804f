package io.oslo4j.rpc.notify;

import java.util.List;

import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;

/**
 * The notification contract on RabbitMQ ({@link TestBroker}); the test's queues are
 * deleted afterwards.
 */
class RabbitNotificationTest extends AbstractNotificationTests {

	@Override
	protected String url() {
		return TestBroker.url();
	}

	@Override
	protected void cleanUp(List<String> queues) {
		BrokerQueues.delete(queues);
	}

}
