package io.oslo4j.rpc.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import org.springframework.amqp.rabbit.connection.ChannelProxy;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A publish that goes out alone and waits for its SIMPLE confirm, on a channel a
 * {@link RabbitTemplate} lends: fanout casts ({@link RabbitPublisher}) and notifications
 * ({@link RabbitNotificationPublisher}).
 */
final class ConfirmedPublish {

	private ConfirmedPublish() {
	}

	/**
	 * Publishes on a cached channel of a {@link RabbitTemplate} and waits for the SIMPLE
	 * confirm, on the channel itself: the cached channel's proxy silently replaces a
	 * channel the broker closed (as it does on a missing exchange), and the wait would
	 * then succeed on the new one, for a message that was lost.
	 * @param cached the channel the template gave
	 * @param exchange the exchange
	 * @param routingKey the routing key
	 * @param properties the properties
	 * @param body the body
	 * @param confirmTimeoutMillis how long to wait for the confirm; {@code 0} not to wait
	 * @throws Exception when the publish failed or was not confirmed in time
	 */
	static void onTarget(Channel cached, String exchange, String routingKey, AMQP.BasicProperties properties,
			byte[] body, long confirmTimeoutMillis) throws Exception {
		Channel channel = (cached instanceof ChannelProxy proxy) ? proxy.getTargetChannel() : cached;
		channel.basicPublish(exchange, routingKey, false, properties, body);
		if (confirmTimeoutMillis > 0) {
			channel.waitForConfirmsOrDie(confirmTimeoutMillis);
		}
	}

}
