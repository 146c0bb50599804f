package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.adapter.MessageListenerAdapter;

/**
 * Idiomatic Spring AMQP: {@link RabbitTemplate#convertSendAndReceive} with direct
 * reply-to, {@link AsyncRabbitTemplate} for async calls, a
 * {@link SimpleMessageListenerContainer} with a {@link MessageListenerAdapter} replying
 * on the server side, and casts on a template in SIMPLE confirm mode. The bodies are the
 * same oslo envelopes as the bare system (no JSON work); calls are not confirmed, as is
 * Spring's default.
 */
final class SpringAmqpSystem implements CallSystem {

	private static final MessagePostProcessor OSLO_PROPERTIES = (message) -> {
		MessageProperties properties = message.getMessageProperties();
		properties.setContentType("application/json");
		properties.setContentEncoding("utf-8");
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setPriority(0);
		return message;
	};

	/**
	 * Spring's advice for request/reply under concurrency: cache at least as many
	 * channels as there are callers. With the default (25), direct reply-to channels are
	 * closed and reopened under 256 callers, and one reply in a few thousand is lost (the
	 * caller waits out its reply timeout).
	 */
	private static final int CHANNEL_CACHE_SIZE = 2 * Scenario.CONCURRENT_256.concurrency();

	private final String url;

	private final String topic = "bench_spring_" + MessageIds.next().substring(0, 8);

	private final EnvelopeTemplate template = new EnvelopeTemplate("echo");

	private final EnvelopeTemplate castTemplate = new EnvelopeTemplate("note");

	private final EnvelopeTemplate fanTemplate = new EnvelopeTemplate("fan");

	private final Map<Payload, byte[]> data = new EnumMap<>(Payload.class);

	private final CachingConnectionFactory connectionFactory;

	private final CachingConnectionFactory confirmingFactory;

	private final RabbitTemplate rabbit;

	private final RabbitTemplate confirming;

	private final AsyncRabbitTemplate async;

	private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();

	private final AtomicLong fanouts = new AtomicLong();

	private final List<String> queues = new ArrayList<>();

	SpringAmqpSystem(String url) {
		this.url = url;
		for (Payload payload : Payload.values()) {
			this.data.put(payload, EnvelopeTemplate.data(payload));
		}
		this.connectionFactory = new CachingConnectionFactory(Broker.connectionFactory(url));
		this.connectionFactory.setChannelCacheSize(CHANNEL_CACHE_SIZE);
		this.confirmingFactory = new CachingConnectionFactory(Broker.connectionFactory(url));
		this.confirmingFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
		RabbitAdmin admin = new RabbitAdmin(this.connectionFactory);
		TopicExchange exchange = new TopicExchange(Broker.EXCHANGE, false, false);
		admin.declareExchange(exchange);
		FanoutExchange fanout = new FanoutExchange(this.topic + "_fanout", false, true);
		admin.declareExchange(fanout);
		Queue callQueue = declare(admin, this.topic + ".s1");
		admin.declareBinding(BindingBuilder.bind(callQueue).to(exchange).with(callQueue.getName()));
		MessageListenerAdapter adapter = new MessageListenerAdapter(new Echo(this.template));
		start(callQueue, adapter);
		for (int i = 1; i <= Scenario.FANOUT_SERVERS; i++) {
			Queue queue = declare(admin, fanout.getName() + "_s" + i);
			Binding binding = BindingBuilder.bind(queue).to(fanout);
			admin.declareBinding(binding);
			start(queue, (MessageListener) (message) -> this.fanouts.incrementAndGet());
		}
		this.rabbit = new RabbitTemplate(this.connectionFactory);
		this.rabbit.setReplyTimeout(60_000);
		this.confirming = new RabbitTemplate(this.confirmingFactory);
		this.async = new AsyncRabbitTemplate(new RabbitTemplate(this.connectionFactory));
		this.async.setReceiveTimeout(60_000);
		this.async.start();
	}

	@Override
	public String id() {
		return Systems.SPRING;
	}

	@Override
	public void call(Payload payload) {
		byte[] body = this.template.call(this.data.get(payload), MessageIds.next(), "amq.rabbitmq.reply-to");
		Object reply = this.rabbit.convertSendAndReceive(Broker.EXCHANGE, this.topic + ".s1", body, OSLO_PROPERTIES);
		if (reply == null) {
			throw new IllegalStateException("no reply within the reply timeout");
		}
	}

	@Override
	public CompletableFuture<?> callAsync(Payload payload) {
		byte[] body = this.template.call(this.data.get(payload), MessageIds.next(), "amq.rabbitmq.reply-to");
		Message message = OSLO_PROPERTIES.postProcessMessage(new Message(body, new MessageProperties()));
		return this.async.sendAndReceive(Broker.EXCHANGE, this.topic + ".s1", message);
	}

	@Override
	public void cast(Payload payload) {
		send(Broker.EXCHANGE, this.topic + ".s1", this.castTemplate.cast(this.data.get(payload)));
	}

	@Override
	public void fanoutCast(Payload payload) {
		send(this.topic + "_fanout", "", this.fanTemplate.cast(this.data.get(payload)));
	}

	private void send(String exchange, String routingKey, byte[] body) {
		this.confirming.invoke((operations) -> {
			operations.convertAndSend(exchange, routingKey, body, OSLO_PROPERTIES);
			operations.waitForConfirmsOrDie(60_000);
			return null;
		});
	}

	@Override
	public long fanoutDeliveries() {
		return this.fanouts.get();
	}

	private Queue declare(RabbitAdmin admin, String name) {
		Queue queue = new Queue(name, false, false, false);
		admin.declareQueue(queue);
		this.queues.add(name);
		return queue;
	}

	private void start(Queue queue, MessageListener listener) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(this.connectionFactory);
		container.setQueueNames(queue.getName());
		container.setMessageListener(listener);
		container.afterPropertiesSet();
		container.start();
		this.containers.add(container);
	}

	@Override
	public void close() {
		this.async.stop();
		this.containers.forEach(SimpleMessageListenerContainer::stop);
		this.containers.forEach(SimpleMessageListenerContainer::destroy);
		this.rabbit.destroy();
		this.connectionFactory.destroy();
		this.confirmingFactory.destroy();
		Broker.delete(this.url, this.queues, List.of(this.topic + "_fanout"));
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
