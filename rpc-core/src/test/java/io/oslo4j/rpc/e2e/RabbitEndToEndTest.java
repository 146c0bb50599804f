package io.oslo4j.rpc.e2e;

import java.util.Collection;

import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;

/**
 * The end-to-end contract on the real RabbitMQ broker.
 */
class RabbitEndToEndTest extends AbstractEndToEndTests {

	@Override
	protected String url() {
		return TestBroker.url();
	}

	@Override
	protected void deleteQueues(Collection<String> queues) {
		BrokerQueues.delete(queues);
	}

}
