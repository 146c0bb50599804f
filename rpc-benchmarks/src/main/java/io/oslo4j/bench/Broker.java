package io.oslo4j.bench;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.jspecify.annotations.Nullable;

/**
 * Broker access for the frameworkless systems and for cleanup: the amqp-client connection
 * factory of a {@code rabbit://user:pass@host:port/vhost} URL, oslo's message properties,
 * and deletion of the queues and exchanges a system declared.
 */
final class Broker {

	/** The properties oslo (kombu) puts on requests and replies. */
	static final AMQP.BasicProperties PROPERTIES = properties(null);

	/** The properties of a call with oslo's default 60 s timeout. */
	static final AMQP.BasicProperties CALL_PROPERTIES = properties("60000");

	/** oslo's control exchange. */
	static final String EXCHANGE = "openstack";

	private Broker() {
	}

	static ConnectionFactory connectionFactory(String url) {
		URI uri = URI.create(url);
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost((uri.getHost() != null) ? uri.getHost() : "localhost");
		factory.setPort((uri.getPort() > 0) ? uri.getPort() : 5672);
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			String[] parts = userInfo.split(":", 2);
			factory.setUsername(decode(parts[0]));
			factory.setPassword((parts.length > 1) ? decode(parts[1]) : "");
		}
		String path = uri.getRawPath();
		factory.setVirtualHost((path == null || path.length() <= 1) ? "/" : decode(path.substring(1)));
		factory.setAutomaticRecoveryEnabled(false);
		return factory;
	}

	static Connection connect(String url, String name) {
		try {
			return connectionFactory(url).newConnection(name);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot connect to " + url + ": " + ex.getMessage(), ex);
		}
	}

	/** Declares oslo's control exchange as oslo does (topic, not durable). */
	static void declareControlExchange(Channel channel) throws java.io.IOException {
		channel.exchangeDeclare(EXCHANGE, "topic", false, false, null);
	}

	/**
	 * Deletes queues and exchanges, ignoring the ones already gone.
	 * @param url the broker URL
	 * @param queues the queues
	 * @param exchanges the exchanges
	 */
	static void delete(String url, Collection<String> queues, Collection<String> exchanges) {
		if (!url.startsWith("rabbit") && !url.startsWith("kombu")) {
			return;
		}
		try (Connection connection = connect(url, "oslo4j-bench-cleanup")) {
			for (String queue : queues) {
				try (Channel channel = connection.createChannel()) {
					channel.queueDelete(queue);
				}
				catch (Exception ex) {
					// already gone
				}
			}
			for (String exchange : exchanges) {
				try (Channel channel = connection.createChannel()) {
					channel.exchangeDelete(exchange);
				}
				catch (Exception ex) {
					// already gone
				}
			}
		}
		catch (Exception ex) {
			System.err.println("Cleanup failed: " + ex.getMessage());
		}
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static AMQP.BasicProperties properties(@Nullable String expiration) {
		return new AMQP.BasicProperties.Builder().contentType("application/json")
			.contentEncoding("utf-8")
			.headers(Map.of())
			.deliveryMode(2)
			.priority(0)
			.expiration(expiration)
			.build();
	}

}
