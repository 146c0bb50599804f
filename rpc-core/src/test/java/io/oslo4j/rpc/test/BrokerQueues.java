package io.oslo4j.rpc.test;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.oslo4j.rpc.transport.TransportUrl;

/**
 * Deletes the queues a test left on the shared broker (oslo never deletes its topic
 * queues), so the broker stays clean for the next test and for CI.
 */
public final class BrokerQueues {

	private BrokerQueues() {
	}

	/**
	 * Deletes queues, ignoring those that do not exist.
	 * @param names the queue names
	 */
	public static void delete(Collection<String> names) {
		TransportUrl url = TransportUrl.parse(TestBroker.url());
		TransportUrl.Host host = url.hosts().get(0);
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(host.effectiveHostname());
		factory.setPort(host.effectivePort());
		if (host.username() != null) {
			factory.setUsername(host.username());
			factory.setPassword(host.password());
		}
		factory.setVirtualHost(url.effectiveVirtualHost());
		try (Connection connection = factory.newConnection("oslo4j-test-cleanup")) {
			for (String name : names) {
				Channel channel = connection.createChannel();
				try {
					channel.queueDelete(name);
				}
				catch (IOException ex) {
					// not there: fine
				}
				finally {
					if (channel.isOpen()) {
						channel.close();
					}
				}
			}
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException("Cannot clean up queues " + names, ex);
		}
	}

}
