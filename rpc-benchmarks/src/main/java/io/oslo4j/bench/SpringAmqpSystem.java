package io.oslo4j.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.adapter.MessageListenerAdapter;
import org.springframework.amqp.support.converter.SimpleMessageConverter;

/**
 * Idiomatic Spring AMQP: {@link RabbitTemplate#convertSendAndReceive} with direct
 * reply-to, {@link AsyncRabbitTemplate} for async calls, a
 * {@link SimpleMessageListenerContainer} with a {@link MessageListenerAdapter} replying
 * on the server side, and casts on a template in SIMPLE confirm mode. The bodies are the
 * same oslo envelopes as the bare system (no JSON work); calls are not confirmed, as is
 * Spring's default.
 */
final class SpringAmqpSystem extends AbstractSpringSystem {

	private static final MessagePostProcessor OSLO_PROPERTIES = (message) -> {
		MessageProperties properties = message.getMessageProperties();
		properties.setContentType("application/json");
		properties.setContentEncoding("utf-8");
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setPriority(0);
		return message;
	};

	private final EnvelopeTemplate template;

	private final EnvelopeTemplate castTemplate = new EnvelopeTemplate("note");

	private final EnvelopeTemplate fanTemplate = new EnvelopeTemplate("fan");

	private final Map<Payload, byte[]> data = new EnumMap<>(Payload.class);

	SpringAmqpSystem(String url) {
		this(url, new EnvelopeTemplate("echo"));
	}

	private SpringAmqpSystem(String url, EnvelopeTemplate template) {
		super(url, "bench_spring_", new SimpleMessageConverter(), new MessageListenerAdapter(new Echo(template)));
		this.template = template;
		for (Payload payload : Payload.values()) {
			this.data.put(payload, EnvelopeTemplate.data(payload));
		}
	}

	@Override
	public String id() {
		return Systems.SPRING;
	}

	@Override
	public void call(Payload payload) {
		byte[] body = this.template.call(this.data.get(payload), MessageIds.next(), "amq.rabbitmq.reply-to");
		requireReply(rabbit().convertSendAndReceive(Broker.EXCHANGE, callRoutingKey(), body, OSLO_PROPERTIES));
	}

	@Override
	public CompletableFuture<?> callAsync(Payload payload) {
		byte[] body = this.template.call(this.data.get(payload), MessageIds.next(), "amq.rabbitmq.reply-to");
		Message message = OSLO_PROPERTIES.postProcessMessage(new Message(body, new MessageProperties()));
		return async().sendAndReceive(Broker.EXCHANGE, callRoutingKey(), message);
	}

	@Override
	public void cast(Payload payload) {
		sendConfirmed(Broker.EXCHANGE, callRoutingKey(), this.castTemplate.cast(this.data.get(payload)),
				OSLO_PROPERTIES);
	}

	@Override
	public void fanoutCast(Payload payload) {
		sendConfirmed(fanoutExchange(), "", this.fanTemplate.cast(this.data.get(payload)), OSLO_PROPERTIES);
	}

	/** The server's delegate: the echo reply for a call, nothing for a cast. */
	static final class Echo {

		private final EnvelopeTemplate template;

		Echo(EnvelopeTemplate template) {
			this.template = template;
		}

		public byte @Nullable [] handleMessage(byte[] body) {
			return this.template.echoReply(body);
		}

	}

}
