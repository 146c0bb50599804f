package io.oslo4j.rpc.rabbit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.oslo4j.rpc.Target;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

/**
 * oslo's RabbitMQ layout (spec §3.1 and its 14.7+ modes): the names, flags and arguments
 * of the exchanges and queues a server, a client, a notifier and a notification listener
 * use, for the options in effect. {@link RabbitTopology} declares them.
 * <ul>
 * <li>Default: non-durable topic exchange and queues; a {@code T_fanout_<hex>} queue per
 * server on the non-durable, auto-delete {@code T_fanout} exchange; classic
 * {@code reply_<hex>} queues with {@code x-expires}.</li>
 * <li>{@code rabbit_quorum_queue}: the topic exchange durable, topic queues quorum.</li>
 * <li>{@code rabbit_transient_quorum_queue}: reply and fanout queues durable quorum, the
 * fanout exchange durable (and still auto-delete).</li>
 * <li>{@code rabbit_stream_fanout}: one durable stream {@code T_fanout}, named after its
 * exchange and bound to it with key {@code T}, shared by every server of the topic.</li>
 * <li>{@code use_queue_manager}: {@link QueueManagerNames} instead of random names.</li>
 * </ul>
 */
final class RabbitLayout implements AutoCloseable {

	private final RabbitOptions options;

	private final String controlExchange;

	private final @Nullable QueueManagerNames queueManager;

	RabbitLayout(RabbitOptions options, String controlExchange) {
		this.options = options;
		this.controlExchange = controlExchange;
		this.queueManager = options.useQueueManager() ? new QueueManagerNames(options.hostname(), options.processname())
				: null;
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
	 * Returns the fanout exchange {@code <topic>_fanout}: auto-delete, durable only with
	 * {@code rabbit_transient_quorum_queue}.
	 * @param topic the topic
	 * @return the exchange
	 */
	Exchange fanoutExchange(String topic) {
		return new FanoutExchange(topic + "_fanout", this.options.transientDurable(), true);
	}

	/**
	 * Returns what a server declares: the topic exchange, the queues {@code T} and
	 * {@code T.S} bound with their names, the fanout exchange and the server's fanout
	 * queue (its own, or the shared stream) bound to it with key {@code T}.
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
		Queue fanoutQueue;
		if (this.options.streamFanout()) {
			fanoutQueue = new Queue(topic + "_fanout", true, false, false, this.options.streamArguments());
		}
		else {
			QueueManagerNames names = this.queueManager;
			fanoutQueue = transientQueue((names != null) ? names.fanoutQueue(topic) : topic + "_fanout_" + hex());
		}
		List<Declarable> all = List.of(exchange, topicQueue, bind(topicQueue, exchange, topic), serverQueue,
				bind(serverQueue, exchange, serverQueue.getName()), fanout, fanoutQueue,
				bind(fanoutQueue, fanout, topic));
		List<String> queues = List.of(topicQueue.getName(), serverQueue.getName(), fanoutQueue.getName());
		if (this.options.streamFanout()) {
			return new Declarations(all, queues, null, new StreamOffset());
		}
		// oslo deletes a server's own fanout queue on a clean stop, but keeps
		// queue-manager ones
		return new Declarations(all, queues, (this.queueManager != null) ? null : fanoutQueue.getName(), null);
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
		List<Declarable> all = new ArrayList<>();
		Set<String> queues = new LinkedHashSet<>();
		Set<String> exchanges = new HashSet<>();
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
		return new Declarations(all, List.copyOf(queues), null, null);
	}

	/**
	 * Returns the reply queue ({@code reply_<hex>}, or its queue-manager name): transient
	 * flags and arguments, no binding.
	 * @return the declarations
	 */
	Declarations forReplyQueue() {
		QueueManagerNames names = this.queueManager;
		Queue queue = transientQueue((names != null) ? names.replyQueue() : "reply_" + hex());
		return new Declarations(List.of(queue), List.of(queue.getName()), null, null);
	}

	/**
	 * Releases the queue-manager names of this transport.
	 */
	@Override
	public void close() {
		QueueManagerNames names = this.queueManager;
		if (names != null) {
			names.close();
		}
	}

	private Queue topicQueue(String name) {
		return new Queue(name, this.options.durable(), false, this.options.autoDelete(),
				this.options.topicQueueArguments());
	}

	private Queue transientQueue(String name) {
		return new Queue(name, this.options.transientDurable(), false, false, this.options.transientQueueArguments());
	}

	private static Binding bind(Queue queue, Exchange exchange, String routingKey) {
		return BindingBuilder.bind(queue).to(exchange).with(routingKey).noargs();
	}

	private static String hex() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * A group of declarations and the queues among them, in declaration order.
	 *
	 * @param declarables exchanges, queues and bindings, in order
	 * @param queues the queue names
	 * @param ownQueue the queue deleted when the listener closes cleanly (a server's own
	 * fanout queue), or {@code null}
	 * @param streamOffset where the consumer of the last queue, a stream, reads from; or
	 * {@code null} when no queue is a stream
	 */
	record Declarations(List<Declarable> declarables, List<String> queues, @Nullable String ownQueue,
			@Nullable StreamOffset streamOffset) {

		Declarations {
			declarables = List.copyOf(declarables);
			queues = List.copyOf(queues);
		}

		/**
		 * Returns the stream's name: the last queue, when there is a stream.
		 * @return the stream, or {@code null}
		 */
		@Nullable String stream() {
			return (this.streamOffset != null) ? this.queues.get(this.queues.size() - 1) : null;
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
