package io.oslo4j.rpc.rabbit;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.Target;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * oslo's RabbitMQ topology (spec §3.1): the names, flags and arguments of the exchanges
 * and queues, declared through a {@link RabbitAdmin} on the consumer connection.
 * <p>
 * What is declared for a listener or the reply queue is remembered as a group of
 * {@link Declarations} and declared again whenever the consumer connection is
 * re-established (after a broker restart transient queues are gone), so that consumers
 * find their queues, with the same names, when the listener containers restart them.
 * Closing a listener forgets its group.
 */
final class RabbitTopology implements ConnectionListener {

	private static final Logger logger = LoggerFactory.getLogger(RabbitTopology.class);

	private final RabbitAdmin admin;

	private final RabbitOptions options;

	private final String controlExchange;

	private final List<Declarations> registered = new CopyOnWriteArrayList<>();

	RabbitTopology(CachingConnectionFactory connectionFactory, RabbitOptions options, String controlExchange) {
		this.admin = new RabbitAdmin(connectionFactory);
		this.options = options;
		this.controlExchange = controlExchange;
		connectionFactory.addConnectionListener(this);
	}

	/**
	 * Returns the topic exchange of a target: its exchange or the control exchange.
	 * @param target the target
	 * @return the exchange name
	 */
	String exchangeName(Target target) {
		String exchange = target.exchange();
		return (exchange != null) ? exchange : this.controlExchange;
	}

	/**
	 * Returns the topic exchange: durable when {@code amqp_durable_queues} or quorum,
	 * auto-delete per {@code amqp_auto_delete}, no arguments.
	 * @param name the exchange name
	 * @return the exchange
	 */
	Exchange topicExchange(String name) {
		return new TopicExchange(name, this.options.durable(), this.options.autoDelete());
	}

	/**
	 * Returns the fanout exchange {@code <topic>_fanout}: not durable, auto-delete.
	 * @param topic the topic
	 * @return the exchange
	 */
	static Exchange fanoutExchange(String topic) {
		return new FanoutExchange(topic + "_fanout", false, true);
	}

	/**
	 * Returns what a server declares: the topic exchange, the queues {@code T} and
	 * {@code T.S} bound with their names, the fanout exchange and a new
	 * {@code T_fanout_<hex>} queue bound to it with key {@code T}.
	 * @param target the server's target (topic and server set)
	 * @return the declarations; queue names in the order T, T.S, fanout queue
	 */
	Declarations forListener(Target target) {
		String topic = target.topic();
		String server = target.server();
		if (topic == null || server == null) {
			throw new IllegalArgumentException("target needs a topic and a server: " + target);
		}
		Exchange exchange = topicExchange(exchangeName(target));
		Exchange fanout = fanoutExchange(topic);
		Queue topicQueue = topicQueue(topic);
		Queue serverQueue = topicQueue(topic + "." + server);
		Queue fanoutQueue = transientQueue(topic + "_fanout_" + hex());
		List<Declarable> all = List.of(exchange, topicQueue, bind(topicQueue, exchange, topic), serverQueue,
				bind(serverQueue, exchange, serverQueue.getName()), fanout, fanoutQueue,
				bind(fanoutQueue, fanout, topic));
		return new Declarations(all, List.of(topicQueue.getName(), serverQueue.getName(), fanoutQueue.getName()));
	}

	/**
	 * Returns the queue a notifier declares for a routing key {@code <topic>.<priority>}:
	 * named after the key, flags and arguments of a topic queue (never
	 * {@code x-expires}).
	 * @param routingKey the routing key
	 * @return the queue
	 */
	Queue notificationQueue(String routingKey) {
		return topicQueue(routingKey);
	}

	/**
	 * Returns what a notification listener declares (oslo's
	 * {@code listen_for_notifications}): for every target and priority the topic exchange
	 * and a queue ({@code <topic>.<priority>}, or the pool's queue) bound with
	 * {@code <topic>.<priority>}.
	 * @param targets the targets (topic set)
	 * @param priorities the lower-case priorities
	 * @param pool the pool, or {@code null}
	 * @return the declarations; the distinct queue names in order
	 */
	Declarations forNotifications(List<Target> targets, List<String> priorities, @Nullable String pool) {
		List<Declarable> all = new java.util.ArrayList<>();
		java.util.Set<String> queues = new java.util.LinkedHashSet<>();
		java.util.Set<String> exchanges = new java.util.HashSet<>();
		for (Target target : targets) {
			String topic = target.topic();
			if (topic == null) {
				throw new IllegalArgumentException("a notification target needs a topic: " + target);
			}
			Exchange exchange = topicExchange(exchangeName(target));
			if (exchanges.add(exchange.getName())) {
				all.add(exchange);
			}
			for (String priority : priorities) {
				String routingKey = topic + "." + priority;
				Queue queue = topicQueue((pool != null) ? pool : routingKey);
				if (queues.add(queue.getName())) {
					all.add(queue);
				}
				all.add(bind(queue, exchange, routingKey));
			}
		}
		return new Declarations(all, List.copyOf(queues));
	}

	/**
	 * Returns the reply queue {@code reply_<hex>}: transient arguments, no binding.
	 * @return the declarations
	 */
	Declarations forReplyQueue() {
		Queue queue = transientQueue("reply_" + hex());
		return new Declarations(List.of(queue), List.of(queue.getName()));
	}

	/**
	 * Declares a group now and again after every reconnection.
	 * @param declarations the group
	 * @throws DeclarationException naming the object and the broker's complaint
	 */
	void declare(Declarations declarations) {
		declareNow(declarations);
		this.registered.add(declarations);
	}

	/**
	 * Stops re-declaring a group.
	 * @param declarations the group
	 */
	void forget(Declarations declarations) {
		this.registered.remove(declarations);
	}

	/**
	 * Declares a group again if one of its queues is missing (after a consumer was
	 * cancelled because its queue was deleted, for instance).
	 * @param declarations the group
	 */
	void redeclareIfMissing(Declarations declarations) {
		for (String queue : declarations.queues()) {
			if (this.admin.getQueueProperties(queue) == null) {
				logger.info("Queue {} is missing; declaring it again", queue);
				declareNow(declarations);
				return;
			}
		}
	}

	/**
	 * Deletes a queue (a listener's fanout queue on close).
	 * @param queue the queue name
	 */
	void deleteQueue(String queue) {
		try {
			this.admin.deleteQueue(queue);
		}
		catch (AmqpException ex) {
			logger.warn("Failed to delete queue {}: {}", queue, BrokerErrors.describe(ex));
		}
	}

	@Override
	public void onCreate(Connection connection) {
		for (Declarations declarations : this.registered) {
			try {
				declareNow(declarations);
			}
			catch (RuntimeException ex) {
				// retried before the consumers restart (a queue on a node that just went
				// down is "stopped by supervisor" for a moment)
				logger.warn("Failed to re-declare {} after reconnecting (retried when consumers restart): {}",
						declarations.queues(), ex.getMessage());
			}
		}
	}

	private void declareNow(Declarations declarations) {
		for (Declarable declarable : declarations.declarables()) {
			try {
				if (declarable instanceof Exchange exchange) {
					this.admin.declareExchange(exchange);
				}
				else if (declarable instanceof Queue queue) {
					this.admin.declareQueue(queue);
				}
				else {
					this.admin.declareBinding((Binding) declarable);
				}
			}
			catch (AmqpException ex) {
				throw new DeclarationException(
						"Failed to declare " + describe(declarable) + ": " + BrokerErrors.describe(ex), ex);
			}
		}
	}

	private Queue topicQueue(String name) {
		return new Queue(name, this.options.durable(), false, this.options.autoDelete(),
				this.options.topicQueueArguments());
	}

	private Queue transientQueue(String name) {
		return new Queue(name, false, false, false, this.options.transientQueueArguments());
	}

	private static Binding bind(Queue queue, Exchange exchange, String routingKey) {
		return BindingBuilder.bind(queue).to(exchange).with(routingKey).noargs();
	}

	static String describe(Declarable declarable) {
		if (declarable instanceof Exchange exchange) {
			return "exchange '" + exchange.getName() + "' (type=" + exchange.getType() + ", durable="
					+ exchange.isDurable() + ", auto_delete=" + exchange.isAutoDelete() + ")";
		}
		if (declarable instanceof Queue queue) {
			return "queue '" + queue.getName() + "' (durable=" + queue.isDurable() + ", auto_delete="
					+ queue.isAutoDelete() + ", arguments=" + queue.getArguments() + ")";
		}
		Binding binding = (Binding) declarable;
		return "binding of queue '" + binding.getDestination() + "' to exchange '" + binding.getExchange()
				+ "' with key '" + binding.getRoutingKey() + "'";
	}

	private static String hex() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * A group of declarations and the queues among them, in declaration order.
	 *
	 * @param declarables exchanges, queues and bindings, in order
	 * @param queues the queue names
	 */
	record Declarations(List<Declarable> declarables, List<String> queues) {

		Declarations {
			declarables = List.copyOf(declarables);
			queues = List.copyOf(queues);
		}

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
