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
	 * Returns a plain amqp-client connection factory for the first host of a transport
	 * URL, for tests that publish or inspect messages without oslo4j.
	 * @param transportUrl the transport URL
	 * @return the factory, without automatic recovery
	 */
	public static ConnectionFactory rawConnectionFactory(String transportUrl) {
		TransportUrl url = TransportUrl.parse(transportUrl);
		TransportUrl.Host host = url.hosts().get(0);
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(host.effectiveHostname());
		factory.setPort(host.effectivePort());
		if (host.username() != null) {
			factory.setUsername(host.username());
			factory.setPassword(host.password());
		}
		factory.setVirtualHost(url.effectiveVirtualHost());
		factory.setAutomaticRecoveryEnabled(false);
		return factory;
	}

	/**
	 * Deletes queues of the test broker, ignoring those that do not exist.
	 * @param names the queue names
	 */
	public static void delete(Collection<String> names) {
		delete(TestBroker.url(), names);
	}

	/**
	 * Deletes queues of the broker and virtual host of a transport URL, ignoring those
	 * that do not exist.
	 * @param transportUrl the transport URL
	 * @param names the queue names
	 */
	public static void delete(String transportUrl, Collection<String> names) {
		try (Connection connection = rawConnectionFactory(transportUrl).newConnection("oslo4j-test-cleanup")) {
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
