package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Exchange;

/**
 * The RabbitMQ transport ({@code rabbit://}, oslo's "rabbit" driver) on Spring AMQP:
 * wire-compatible with oslo.messaging 14 to 18, in oslo's default mode and in the modes
 * of 14.7+ (transient quorum queues, stream fanout, queue-manager names).
 * <ul>
 * <li>Two connections: one for consumers and declarations, one for publishing
 * ({@link RabbitConnectionFactories}).</li>
 * <li>Topology exactly as oslo declares it ({@link RabbitLayout}), declared again after
 * reconnecting ({@link RabbitTopology}).</li>
 * <li>Publishing with publisher confirms and kombu's properties
 * ({@link RabbitPublisher}).</li>
 * <li>Consumers in listener containers with manual acknowledgement
 * ({@link RabbitConsumers}), tracked until closed ({@link RabbitListeners}); one reply
 * queue per transport.</li>
 * <li>Or, with oslo4j's {@code rabbit_direct_reply_to}, no reply queue: replies come
 * through RabbitMQ's direct reply-to to the channel that publishes the requests
 * ({@link DirectReplyTo}).</li>
 * </ul>
 * Connections are opened lazily, on the first send, listen or reply queue.
 */
public class RabbitTransport extends AbstractTransport {

	private static final CompletableFuture<Void> SENT = CompletableFuture.completedFuture(null);

	private final RabbitOptions options;

	private final RabbitConnectionFactories connectionFactories;

	private final RabbitLayout layout;

	private final RabbitTopology topology;

	private final RabbitPublisher publisher;

	private final RabbitConsumers consumers;

	private final RabbitConnector connector;

	private final RabbitListeners listeners;

	private final RabbitNotificationPublisher notificationPublisher;

	private final @Nullable DirectReplyTo directReplyTo;

	private final RabbitReplyQueue replyQueue;

	private volatile boolean closed;

	/**
	 * Makes a transport; nothing is connected until first use.
	 * @param url the URL (driver {@code rabbit})
	 * @param settings the control exchange, {@code [oslo_messaging_rabbit]} options and
	 * the application's TLS context, if any
	 * @throws io.oslo4j.rpc.transport.InvalidTransportUrlException for an unknown option
	 * or a bad value
	 */
	public RabbitTransport(TransportUrl url, TransportSettings settings) {
		super(url, settings);
		this.options = RabbitOptions.of(url, settings);
		this.connectionFactories = new RabbitConnectionFactories(url, this.options, settings.sslContext());
		this.layout = new RabbitLayout(this.options, settings.controlExchange());
		this.topology = new RabbitTopology(this.connectionFactories.consumer(), this.options);
		this.directReplyTo = this.options.directReplyTo()
				? new DirectReplyTo(this.connectionFactories.publisher(), this.options) : null;
		this.publisher = new RabbitPublisher(this.connectionFactories.publisher(), this.options,
				(this.directReplyTo != null) ? this.directReplyTo.channels() : null);
		this.consumers = new RabbitConsumers(this.connectionFactories.consumer(),
				this.connectionFactories::consumerConnected, this.options, url.toString());
		this.listeners = new RabbitListeners(this.topology, this.consumers);
		this.connector = new RabbitConnector(this.connectionFactories.consumer(), url);
		this.notificationPublisher = new RabbitNotificationPublisher(this.connectionFactories.publisher(),
				this.options);
		this.replyQueue = new RabbitReplyQueue(this.layout, this.topology, this.consumers, this.publisher, this.options,
				this.connectionFactories::consumerConnected);
	}

	/**
	 * Changes the amqp-client {@code ConnectionFactory} this transport's connections are
	 * opened with (credentials provider, metrics collector, thread factory...). Call it
	 * before the transport connects.
	 * @param customizer changes the factory
	 * @return this transport
	 * @throws IllegalStateException when the transport has connected already
	 */
	public RabbitTransport customizeConnectionFactory(RabbitConnectionFactoryCustomizer customizer) {
		this.connectionFactories.customize(customizer);
		return this;
	}

	/**
	 * Returns the options in effect.
	 * @return the options
	 */
	public RabbitOptions options() {
		return this.options;
	}

	/**
	 * Returns how many messages this transport's consumers received for the last time
	 * before their quorum queue's delivery limit ({@code x-delivery-limit}, 20 by default
	 * on RabbitMQ 4): RabbitMQ drops them if they come back once more. Each is logged.
	 * @return the count since the transport was made
	 */
	public long deliveryLimitReached() {
		return this.consumers.deliveryLimit().lastDeliveries();
	}

	@Override
	public void send(Target target, byte[] body, @Nullable Duration expiration) {
		publish(target, body, expiration, true);
	}

	/**
	 * Publishes like {@link #send} without waiting for the broker's confirm (the exchange
	 * is declared first, on the calling thread, if needed).
	 */
	@Override
	public CompletableFuture<Void> sendAsync(Target target, byte[] body, @Nullable Duration expiration) {
		try {
			return publish(target, body, expiration, false);
		}
		catch (RpcDeliveryException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private CompletableFuture<Void> publish(Target target, byte[] body, @Nullable Duration expiration, boolean wait) {
		target.validateForSend();
		checkOpen();
		String topic = java.util.Objects.requireNonNull(target.topic());
		Exchange exchange;
		String routingKey;
		if (target.fanout()) {
			exchange = this.layout.fanoutExchange(topic);
			routingKey = "";
		}
		else {
			exchange = this.layout.topicExchange(this.layout.exchangeName(target));
			routingKey = (target.server() != null) ? topic + "." + target.server() : topic;
		}
		if (!wait) {
			return this.publisher.publishAsync(exchange, routingKey, body, expiration);
		}
		this.publisher.publish(exchange, routingKey, body, expiration);
		return SENT;
	}

	/** Returns how many publishes wait for the broker's confirm (for tests). */
	int publisherPendingConfirms() {
		return this.publisher.pendingConfirms();
	}

	@Override
	public void reply(String replyQueue, byte[] body) {
		checkOpen();
		this.publisher.reply(replyQueue, body);
	}

	@Override
	public CompletableFuture<Void> replyAsync(String replyQueue, byte[] body) {
		checkOpen();
		return this.publisher.replyAsync(replyQueue, body);
	}

	@Override
	public String replyQueue(DeliveryHandler handler) {
		if (this.directReplyTo != null) {
			checkOpen();
			return this.directReplyTo.address(handler);
		}
		checkOpen();
		return this.replyQueue.name(handler);
	}

	/**
	 * Checks the reply queue soon ({@link ReplyQueueCheck}); not with direct reply-to.
	 */
	@Override
	public void checkReplyQueue(String replyQueue) {
		if (this.directReplyTo == null && !this.closed) {
			this.replyQueue.check(replyQueue);
		}
	}

	/**
	 * Returns how many times the reply queue was found not receiving what was sent to it
	 * (RabbitMQ lost it under its consumer) and was declared again with its consumer
	 * restarted. Each is also logged as a warning.
	 * @return the count since the transport was made
	 */
	public long replyQueueRepairs() {
		return this.replyQueue.repairs();
	}

	/**
	 * Returns how many times a server's fanout stream ({@code rabbit_stream_fanout}) was
	 * found deleted under its consumer and declared again: fanout casts sent between the
	 * deletion and the new declaration are lost. Each is also logged as a warning.
	 * @return the count since the transport was made
	 */
	public long fanoutStreamsLost() {
		return this.topology.fanoutStreamsLost();
	}

	@Override
	public Listener listen(Target target, DeliveryHandler handler) {
		target.validateForListen();
		checkOpen();
		return this.listeners.open(this.layout.forListener(target), handler, RabbitServerListener::new);
	}

	// ---- notifications ----

	@Override
	public void sendNotification(Target target, String priority, byte[] body) {
		String topic = java.util.Objects.requireNonNull(target.topic(), "a notification target needs a topic");
		checkOpen();
		Exchange exchange = this.layout.topicExchange(this.layout.exchangeName(target));
		this.notificationPublisher.publish(exchange, this.layout.notificationQueue(topic + "." + priority), body);
	}

	@Override
	public Listener listenForNotifications(List<Target> targets, List<String> priorities, @Nullable String pool,
			DeliveryHandler handler) {
		checkOpen();
		return this.listeners.open(this.layout.forNotifications(targets, priorities, pool), handler,
				RabbitQueueListener::new);
	}

	/**
	 * Returns whether the consumer connection is open and the transport is not closed,
	 * without opening it.
	 */
	@Override
	public boolean isConnected() {
		return !this.closed && this.connectionFactories.consumerConnected();
	}

	/**
	 * Opens the consumer connection (also used for declarations) if it is not open,
	 * waiting at most {@code timeout}; the attempt runs on a thread of its own and is
	 * bounded by {@code connection_timeout} only there.
	 */
	@Override
	public boolean connect(Duration timeout) {
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("connect timeout must not be negative, was " + timeout);
		}
		if (this.closed) {
			return false;
		}
		return isConnected() || (this.connector.connect(timeout) && isConnected());
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
		this.listeners.closeAll(this.connectionFactories.consumerConnected());
		this.replyQueue.close();
		this.consumers.close();
		if (this.directReplyTo != null) {
			this.directReplyTo.close();
		}
		this.publisher.close();
		this.connectionFactories.close();
		this.layout.close();
	}

	private void checkOpen() {
		if (this.closed) {
			throw new RpcDeliveryException("Transport " + url() + " is closed");
		}
	}

}
