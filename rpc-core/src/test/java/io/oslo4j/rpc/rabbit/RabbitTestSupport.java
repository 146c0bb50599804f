package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;

/**
 * Broker helpers for the rabbit transport tests: a raw amqp-client connection (to look at
 * what the transport put on the wire), {@code rabbitmqctl}, unique names.
 */
final class RabbitTestSupport implements AutoCloseable {

	private final Connection connection;

	private final List<String> queuesToDelete = new ArrayList<>();

	private final List<String> exchangesToDelete = new ArrayList<>();

	RabbitTestSupport() throws IOException, TimeoutException {
		this.connection = BrokerQueues.rawConnectionFactory(TestBroker.url()).newConnection("test-raw");
	}

	static String unique(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
	}

	static RabbitTransport transport(Map<String, String> options) {
		return transport(TransportSettings.defaults().withOptions(options));
	}

	static RabbitTransport transport(TransportSettings settings) {
		return new RabbitTransport(TransportUrl.parse(TestBroker.url()), settings);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	Channel channel() throws IOException {
		return this.connection.createChannel();
	}

	/** Declares a queue bound to an exchange to capture messages, deleted afterwards. */
	String capture(String exchange, String type, String routingKey, boolean durable, boolean autoDelete)
			throws IOException, TimeoutException {
		try (Channel channel = channel()) {
			channel.exchangeDeclare(exchange, type, durable, autoDelete, null);
			String queue = channel.queueDeclare().getQueue();
			channel.queueBind(queue, exchange, routingKey);
			return queue;
		}
	}

	GetResponse get(String queue) throws IOException, TimeoutException {
		try (Channel channel = channel()) {
			return channel.basicGet(queue, true);
		}
	}

	long messageCount(String queue) throws IOException, TimeoutException {
		try (Channel channel = channel()) {
			return channel.queueDeclarePassive(queue).getMessageCount();
		}
	}

	boolean queueExists(String queue) throws IOException {
		Channel channel = channel();
		try {
			channel.queueDeclarePassive(queue);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		finally {
			if (channel.isOpen()) {
				try {
					channel.close();
				}
				catch (TimeoutException ex) {
					// ignore
				}
			}
		}
	}

	void deleteLater(String... queues) {
		this.queuesToDelete.addAll(List.of(queues));
	}

	void deleteExchangeLater(String... exchanges) {
		this.exchangesToDelete.addAll(List.of(exchanges));
	}

	static String rabbitmqctl(String... args) throws IOException, InterruptedException {
		return TestBroker.rabbitmqctl(args);
	}

	/**
	 * Returns the {@code list_queues name durable auto_delete arguments} line of a queue.
	 */
	static String queueLine(String queue) throws IOException, InterruptedException {
		for (String line : rabbitmqctl("list_queues", "name", "durable", "auto_delete", "arguments").split("\n")) {
			if (line.startsWith(queue + "\t")) {
				return line.trim();
			}
		}
		return "";
	}

	/**
	 * Returns the {@code list_exchanges name type durable auto_delete} line of an
	 * exchange.
	 */
	static String exchangeLine(String exchange) throws IOException, InterruptedException {
		for (String line : rabbitmqctl("list_exchanges", "name", "type", "durable", "auto_delete").split("\n")) {
			if (line.startsWith(exchange + "\t")) {
				return line.trim();
			}
		}
		return "";
	}

	@Override
	public void close() throws IOException, TimeoutException {
		try (Channel channel = channel()) {
			for (String queue : this.queuesToDelete) {
				channel.queueDelete(queue);
			}
			for (String exchange : this.exchangesToDelete) {
				channel.exchangeDelete(exchange);
			}
		}
		finally {
			this.connection.close();
		}
	}

}
