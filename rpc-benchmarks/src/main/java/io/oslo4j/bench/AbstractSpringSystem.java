package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.adapter.MessageListenerAdapter;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * The Spring AMQP plumbing shared by the Spring systems: a {@link RabbitTemplate} for
 * calls (direct reply-to, Spring's default), an {@link AsyncRabbitTemplate} for async
 * calls, a template on a connection factory in SIMPLE confirm mode for casts, and
 * {@link SimpleMessageListenerContainer}s: one running the caller's
 * {@link MessageListenerAdapter} on {@code topic.s1}, three counting fanout casts. Every
 * template converts with the given {@link MessageConverter}; what a system sends and how
 * its server replies is the subclass's.
 */
abstract class AbstractSpringSystem implements CallSystem {

	/**
	 * Spring's advice for request/reply under concurrency: cache at least as many
	 * channels as there are callers. With the default (25), direct reply-to channels are
	 * closed and reopened under 256 callers, and one reply in a few thousand is lost (the
	 * caller waits out its reply timeout).
	 */
	private static final int CHANNEL_CACHE_SIZE = 2 * Scenario.CONCURRENT_256.concurrency();

	private static final long TIMEOUT_MILLIS = 60_000;

	private final String url;

	private final String topic;

	private final CachingConnectionFactory connectionFactory;

	private final CachingConnectionFactory confirmingFactory;

	private final RabbitTemplate rabbit;

	private final RabbitTemplate confirming;

	private final AsyncRabbitTemplate async;

	private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();

	private final AtomicLong fanouts = new AtomicLong();

	private final List<String> queues = new ArrayList<>();

	/**
	 * Declares the exchanges and queues, starts the servers and makes the templates.
	 * @param url the broker URL
	 * @param topicPrefix the prefix of the topic (a random suffix makes it unique)
	 * @param converter the converter of every template
	 * @param server the listener of the call queue, replying to calls
	 */
	AbstractSpringSystem(String url, String topicPrefix, MessageConverter converter, MessageListenerAdapter server) {
		this.url = url;
		this.topic = topicPrefix + MessageIds.next().substring(0, 8);
		this.connectionFactory = new CachingConnectionFactory(Broker.connectionFactory(url));
		this.connectionFactory.setChannelCacheSize(CHANNEL_CACHE_SIZE);
		this.confirmingFactory = new CachingConnectionFactory(Broker.connectionFactory(url));
		this.confirmingFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
		RabbitAdmin admin = new RabbitAdmin(this.connectionFactory);
		TopicExchange exchange = new TopicExchange(Broker.EXCHANGE, false, false);
		admin.declareExchange(exchange);
		FanoutExchange fanout = new FanoutExchange(fanoutExchange(), false, true);
		admin.declareExchange(fanout);
		Queue callQueue = declare(admin, callRoutingKey());
		admin.declareBinding(BindingBuilder.bind(callQueue).to(exchange).with(callQueue.getName()));
		start(callQueue, server);
		for (int i = 1; i <= Scenario.FANOUT_SERVERS; i++) {
			Queue queue = declare(admin, fanout.getName() + "_s" + i);
			Binding binding = BindingBuilder.bind(queue).to(fanout);
			admin.declareBinding(binding);
			start(queue, (MessageListener) (message) -> this.fanouts.incrementAndGet());
		}
		this.rabbit = template(this.connectionFactory, converter);
		this.rabbit.setReplyTimeout(TIMEOUT_MILLIS);
		this.confirming = template(this.confirmingFactory, converter);
		this.async = new AsyncRabbitTemplate(template(this.connectionFactory, converter));
		this.async.setReceiveTimeout(TIMEOUT_MILLIS);
		this.async.start();
	}

	private static RabbitTemplate template(CachingConnectionFactory factory, MessageConverter converter) {
		RabbitTemplate template = new RabbitTemplate(factory);
		template.setMessageConverter(converter);
		return template;
	}

	/**
	 * Returns the template of synchronous calls (direct reply-to, 60 s reply timeout).
	 */
	protected final RabbitTemplate rabbit() {
		return this.rabbit;
	}

	/** Returns the template of async calls (direct reply-to, 60 s receive timeout). */
	protected final AsyncRabbitTemplate async() {
		return this.async;
	}

	/**
	 * Returns the routing key of the call queue, {@code topic.s1}, on
	 * {@link Broker#EXCHANGE}.
	 */
	protected final String callRoutingKey() {
		return this.topic + ".s1";
	}

	/** Returns the fanout exchange the three fanout servers' queues are bound to. */
	protected final String fanoutExchange() {
		return this.topic + "_fanout";
	}

	/**
	 * Throws when a synchronous call's reply did not come.
	 * @param reply the converted reply, {@code null} after the reply timeout
	 */
	protected static void requireReply(@Nullable Object reply) {
		if (reply == null) {
			throw new IllegalStateException("no reply within the reply timeout");
		}
	}

	/**
	 * Converts and publishes a cast on the confirming template and waits for the broker's
	 * confirm.
	 * @param exchange the exchange
	 * @param routingKey the routing key
	 * @param body the object to convert
	 * @param properties what to set on the message after conversion, or {@code null}
	 */
	protected final void sendConfirmed(String exchange, String routingKey, Object body,
			@Nullable MessagePostProcessor properties) {
		this.confirming.invoke((operations) -> {
			if (properties != null) {
				operations.convertAndSend(exchange, routingKey, body, properties);
			}
			else {
				operations.convertAndSend(exchange, routingKey, body);
			}
			operations.waitForConfirmsOrDie(TIMEOUT_MILLIS);
			return null;
		});
	}

	@Override
	public final long fanoutDeliveries() {
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
		Broker.delete(this.url, this.queues, List.of(fanoutExchange()));
	}

}
