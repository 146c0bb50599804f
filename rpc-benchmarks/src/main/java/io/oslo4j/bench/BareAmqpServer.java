package io.oslo4j.bench;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

/**
 * A frameworkless server: consumes its queues on one channel, acknowledges on receipt
 * and, for a call, publishes the echo reply to {@code _reply_q} (mandatory, confirmed
 * asynchronously, as oslo replies are confirmed). Counts what it receives.
 */
final class BareAmqpServer extends DefaultConsumer {

	private final EnvelopeTemplate template;

	private final AtomicLong received = new AtomicLong();

	BareAmqpServer(Connection connection, EnvelopeTemplate template, int prefetch, String... queues)
			throws IOException {
		super(connection.createChannel());
		this.template = template;
		Channel channel = getChannel();
		channel.confirmSelect();
		channel.basicQos(prefetch);
		for (String queue : queues) {
			channel.basicConsume(queue, false, this);
		}
	}

	long received() {
		return this.received.get();
	}

	@Override
	public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
			throws IOException {
		Channel channel = getChannel();
		channel.basicAck(envelope.getDeliveryTag(), false);
		this.received.incrementAndGet();
		byte[] reply = this.template.echoReply(body);
		if (reply != null) {
			String replyQueue = Objects.requireNonNull(EnvelopeTemplate.replyQueue(body),
					"a call names its reply queue");
			channel.basicPublish("", replyQueue, true, Broker.PROPERTIES, reply);
		}
	}

}
