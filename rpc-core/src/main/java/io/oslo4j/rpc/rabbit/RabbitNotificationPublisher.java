package io.oslo4j.rpc.rabbit;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.oslo4j.rpc.MessageDeliveryException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes notifications as oslo's {@code _publish_and_creates_default_queue} does, on
 * the publisher connection: before the first publish of each (exchange, routing key) it
 * declares the topic exchange and the queue named after the routing key and binds them,
 * so nothing is lost while no listener exists; the set of declared pairs is forgotten
 * when the publisher connection is re-established. Properties are kombu's (as
 * {@link RabbitPublisher}), not mandatory, no expiration; with {@code confirm_publish}
 * each publish waits for the broker's confirm.
 */
final class RabbitNotificationPublisher implements ConnectionListener {

	private static final AMQP.BasicProperties PROPERTIES = new AMQP.BasicProperties.Builder()
		.contentType("application/json")
		.contentEncoding("utf-8")
		.headers(Map.of())
		.deliveryMode(2)
		.priority(0)
		.build();

	private final RabbitTemplate template;

	private final boolean confirm;

	private final long confirmTimeoutMillis;

	private final Set<String> declared = ConcurrentHashMap.newKeySet();

	RabbitNotificationPublisher(CachingConnectionFactory publisherConnectionFactory, RabbitOptions options) {
		this.template = new RabbitTemplate(publisherConnectionFactory);
		this.confirm = options.confirmPublish();
		this.confirmTimeoutMillis = Math.max(1, options.confirmTimeout().toMillis());
		publisherConnectionFactory.addConnectionListener(this);
	}

	/**
	 * Publishes a notification, declaring its exchange, queue and binding first if
	 * needed.
	 * @param exchange the topic exchange
	 * @param queue the queue named after the routing key
	 * @throws MessageDeliveryException when the broker did not take the message
	 */
	void publish(Exchange exchange, Queue queue, byte[] body) {
		String routingKey = queue.getName();
		String key = exchange.getName() + '\0' + routingKey;
		try {
			this.template.execute((channel) -> {
				if (!this.declared.contains(key)) {
					declare(channel, exchange, queue);
					this.declared.add(key);
				}
				channel.basicPublish(exchange.getName(), routingKey, false, PROPERTIES, body);
				if (this.confirm) {
					channel.waitForConfirmsOrDie(this.confirmTimeoutMillis);
				}
				return null;
			});
		}
		catch (AmqpException ex) {
			this.declared.remove(key);
			throw new MessageDeliveryException("Failed to publish a notification to exchange '" + exchange.getName()
					+ "' with routing key '" + routingKey + "': " + BrokerErrors.describe(ex), ex);
		}
	}

	private static void declare(Channel channel, Exchange exchange, Queue queue) throws java.io.IOException {
		channel.exchangeDeclare(exchange.getName(), exchange.getType(), exchange.isDurable(), exchange.isAutoDelete(),
				false, null);
		channel.queueDeclare(queue.getName(), queue.isDurable(), false, queue.isAutoDelete(), queue.getArguments());
		channel.queueBind(queue.getName(), exchange.getName(), queue.getName());
	}

	@Override
	public void onCreate(Connection connection) {
		this.declared.clear();
	}

	@Override
	public void onClose(Connection connection) {
		this.declared.clear();
	}

}
