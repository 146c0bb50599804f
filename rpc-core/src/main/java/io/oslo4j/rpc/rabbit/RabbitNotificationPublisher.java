package io.oslo4j.rpc.rabbit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.Channel;
import io.oslo4j.rpc.RpcDeliveryException;
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
 * when the publisher connection is re-established. Properties are kombu's
 * ({@link RabbitPublisher#PROPERTIES}), not mandatory, no expiration; with
 * {@code confirm_publish} each publish waits for the broker's confirm.
 */
final class RabbitNotificationPublisher implements ConnectionListener {

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
	 * @throws RpcDeliveryException when the broker did not take the message
	 */
	void publish(Exchange exchange, Queue queue, byte[] body) {
		String key = exchange.getName() + '\0' + queue.getName();
		try {
			publishOnce(exchange, queue, key, body);
		}
		catch (AmqpException ex) {
			this.declared.remove(key);
			if (BrokerErrors.channelReplyCode(ex) != 404) {
				throw failure(exchange, queue, ex);
			}
			// the exchange was deleted behind our back: declare it again and publish once
			// more
			try {
				publishOnce(exchange, queue, key, body);
			}
			catch (AmqpException retryEx) {
				this.declared.remove(key);
				throw failure(exchange, queue, retryEx);
			}
		}
	}

	private void publishOnce(Exchange exchange, Queue queue, String key, byte[] body) {
		this.template.execute((cached) -> {
			if (!this.declared.contains(key)) {
				declare(cached, exchange, queue);
				this.declared.add(key);
			}
			ConfirmedPublish.onTarget(cached, exchange.getName(), queue.getName(), RabbitPublisher.PROPERTIES, body,
					this.confirm ? this.confirmTimeoutMillis : 0);
			return null;
		});
	}

	private static RpcDeliveryException failure(Exchange exchange, Queue queue, AmqpException ex) {
		return new RpcDeliveryException("Failed to publish a notification to exchange '" + exchange.getName()
				+ "' with routing key '" + queue.getName() + "': " + BrokerErrors.describe(ex), ex);
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
