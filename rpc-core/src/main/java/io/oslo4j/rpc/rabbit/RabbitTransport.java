package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import io.oslo4j.rpc.MessageDeliveryException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.MessageHandler;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Exchange;

/**
 * The RabbitMQ transport ({@code rabbit://}, oslo's "rabbit" driver) on Spring AMQP:
 * wire-compatible with oslo.messaging 14.
 * <ul>
 * <li>Two connections: one for consumers and declarations, one for publishing
 * ({@link RabbitConnectionFactories}).</li>
 * <li>Topology exactly as oslo declares it ({@link RabbitTopology}), declared again after
 * reconnecting.</li>
 * <li>Publishing with publisher confirms and kombu's properties
 * ({@link RabbitPublisher}).</li>
 * <li>Consumers in listener containers with manual acknowledgement
 * ({@link RabbitConsumers}); one reply queue per transport.</li>
 * </ul>
 * Connections are opened lazily, on the first send, listen or reply queue.
 */
public class RabbitTransport extends AbstractTransport {

	private static final Logger logger = LoggerFactory.getLogger(RabbitTransport.class);

	private final RabbitOptions options;

	private final RabbitConnectionFactories connectionFactories;

	private final RabbitTopology topology;

	private final RabbitPublisher publisher;

	private final RabbitConsumers consumers;

	private final Set<RabbitListener> listeners = ConcurrentHashMap.newKeySet();

	private final RabbitNotificationPublisher notificationPublisher;

	private final Set<RabbitNotificationListener> notificationListeners = ConcurrentHashMap.newKeySet();

	private final Lock replyLock = new ReentrantLock();

	private volatile @Nullable String replyQueue;

	private volatile @Nullable OsloListenerContainer replyContainer;

	private volatile boolean closed;

	/**
	 * Makes a transport; nothing is connected until first use.
	 * @param url the URL (driver {@code rabbit})
	 * @param settings the control exchange and {@code [oslo_messaging_rabbit]} options
	 * @throws io.oslo4j.rpc.transport.InvalidTransportUrlException for an unknown option
	 * or a bad value
	 */
	public RabbitTransport(TransportUrl url, TransportSettings settings) {
		super(url, settings);
		this.options = RabbitOptions.of(url, settings);
		this.connectionFactories = new RabbitConnectionFactories(url, this.options);
		this.topology = new RabbitTopology(this.connectionFactories.consumer(), this.options,
				settings.controlExchange());
		this.publisher = new RabbitPublisher(this.connectionFactories.publisher(), this.options);
		this.consumers = new RabbitConsumers(this.connectionFactories.consumer(), this.options);
		this.notificationPublisher = new RabbitNotificationPublisher(this.connectionFactories.publisher(),
				this.options);
	}

	/**
	 * Returns the options in effect.
	 * @return the options
	 */
	public RabbitOptions options() {
		return this.options;
	}

	@Override
	public void send(Target target, byte[] body, @Nullable Duration expiration) {
		target.validateForSend();
		checkOpen();
		String topic = java.util.Objects.requireNonNull(target.topic());
		Exchange exchange;
		String routingKey;
		if (target.fanout()) {
			exchange = RabbitTopology.fanoutExchange(topic);
			routingKey = "";
		}
		else {
			exchange = this.topology.topicExchange(this.topology.exchangeName(target));
			routingKey = (target.server() != null) ? topic + "." + target.server() : topic;
		}
		this.publisher.publish(exchange, routingKey, body, expiration);
	}

	@Override
	public void reply(String replyQueue, byte[] body) {
		checkOpen();
		this.publisher.reply(replyQueue, body);
	}

	@Override
	public String replyQueue(MessageHandler handler) {
		String name = this.replyQueue;
		if (name != null) {
			return name;
		}
		this.replyLock.lock();
		try {
			name = this.replyQueue;
			if (name == null) {
				checkOpen();
				RabbitTopology.Declarations declarations = this.topology.forReplyQueue();
				this.topology.declare(declarations);
				this.replyContainer = this.consumers.start(declarations.queues(), handler, true,
						() -> this.topology.redeclareIfMissing(declarations));
				name = declarations.queues().get(0);
				this.replyQueue = name;
			}
			return name;
		}
		finally {
			this.replyLock.unlock();
		}
	}

	@Override
	public Listener listen(Target target, MessageHandler handler) {
		target.validateForListen();
		checkOpen();
		RabbitTopology.Declarations declarations = this.topology.forListener(target);
		this.topology.declare(declarations);
		OsloListenerContainer container = this.consumers.start(declarations.queues(), handler, false,
				() -> this.topology.redeclareIfMissing(declarations));
		RabbitListener[] holder = new RabbitListener[1];
		RabbitListener listener = new RabbitListener(container, this.topology, declarations,
				() -> this.listeners.remove(holder[0]));
		holder[0] = listener;
		this.listeners.add(listener);
		return listener;
	}

	// ---- notifications ----

	@Override
	public void sendNotification(Target target, String priority, byte[] body) {
		String topic = java.util.Objects.requireNonNull(target.topic(), "a notification target needs a topic");
		checkOpen();
		Exchange exchange = this.topology.topicExchange(this.topology.exchangeName(target));
		this.notificationPublisher.publish(exchange, this.topology.notificationQueue(topic + "." + priority), body);
	}

	@Override
	public Listener listenForNotifications(List<Target> targets, List<String> priorities, @Nullable String pool,
			MessageHandler handler) {
		checkOpen();
		RabbitTopology.Declarations declarations = this.topology.forNotifications(targets, priorities, pool);
		this.topology.declare(declarations);
		OsloListenerContainer container = this.consumers.start(declarations.queues(), handler, false,
				() -> this.topology.redeclareIfMissing(declarations));
		RabbitNotificationListener[] holder = new RabbitNotificationListener[1];
		RabbitNotificationListener listener = new RabbitNotificationListener(container, this.topology, declarations,
				() -> this.notificationListeners.remove(holder[0]));
		holder[0] = listener;
		this.notificationListeners.add(listener);
		return listener;
	}

	/**
	 * Returns whether the consumer connection is open (opening it if needed) and the
	 * transport is not closed.
	 */
	@Override
	public boolean isConnected() {
		if (this.closed) {
			return false;
		}
		if (this.connectionFactories.consumerConnected()) {
			return true;
		}
		try {
			return this.connectionFactories.consumer().createConnection().isOpen();
		}
		catch (RuntimeException ex) {
			logger.debug("Not connected to {}: {}", url(), ex.getMessage());
			return false;
		}
	}

	/**
	 * Closes the components, stops every consumer (deleting the listeners' fanout queues
	 * while the connection is up) and closes both connections and the monitor thread.
	 * Idempotent.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		closeComponents();
		boolean connected = this.connectionFactories.consumerConnected();
		for (RabbitListener listener : List.copyOf(this.listeners)) {
			try {
				if (connected) {
					listener.close();
				}
				else {
					listener.shutdown();
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Failed to close {}: {}", listener, ex.getMessage());
			}
		}
		this.listeners.clear();
		for (RabbitNotificationListener listener : List.copyOf(this.notificationListeners)) {
			listener.close();
		}
		OsloListenerContainer container = this.replyContainer;
		if (container != null) {
			container.stop();
			container.destroy();
		}
		this.consumers.close();
		this.connectionFactories.close();
	}

	private void checkOpen() {
		if (this.closed) {
			throw new MessageDeliveryException("Transport " + url() + " is closed");
		}
	}

}
