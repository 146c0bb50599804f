package io.oslo4j.rpc.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.NotificationLayout;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oslo's Kafka driver ({@code kafka://[user:pass@]host:port[,host:port]/[vhost]}):
 * notifications only. A notification for topic {@code t} and priority {@code p} is
 * produced to the Kafka topic {@code t.p}, or {@code t.p.<vhost>} when the URL has a
 * vhost, with no key and no headers, its value the 2.0 envelope with the context nested
 * ({@link NotificationLayout#NESTED_CONTEXT}). Listeners subscribe to {@code t.p}
 * <em>without</em> the vhost, as oslo's do (with a vhost, oslo's notifier and listener do
 * not meet; this transport keeps that for wire compatibility). The exchange of a target
 * is not used.
 * <p>
 * Producing is asynchronous, as in oslo: {@link #sendNotification} queues the record and
 * returns at once, even while the brokers are away ({@link KafkaNotificationPublisher}
 * says when a record is lost: it is logged). {@link #close()} sends what is queued and
 * buffered (within about 10 s each). RPC over Kafka does not exist in oslo:
 * {@link #send}, {@link #listen} and the reply methods throw
 * {@link UnsupportedOperationException}.
 */
public final class KafkaTransport extends AbstractTransport {

	/** The message oslo raises for RPC over Kafka, with what to do instead. */
	static final String NO_RPC = "The RPC implementation for Kafka is not implemented: oslo.messaging's kafka:// "
			+ "driver carries notifications only; use a rabbit:// transport for RPC";

	private static final Logger logger = LoggerFactory.getLogger(KafkaTransport.class);

	private static final int PROBE_TIMEOUT_MS = 5000;

	private final KafkaOptions options;

	private final KafkaClientConfig config;

	private final @Nullable String vhostSuffix;

	private final Set<KafkaNotificationListener> listeners = ConcurrentHashMap.newKeySet();

	private final Object lock = new Object();

	private @Nullable KafkaNotificationPublisher publisher;

	private @Nullable Admin admin;

	private @Nullable CompletableFuture<Boolean> probe;

	private volatile boolean connected;

	private volatile boolean closed;

	/**
	 * Makes a transport; nothing is connected until the first notification, listener or
	 * {@link #connect(Duration)}.
	 * @param url the {@code kafka://} URL
	 * @param settings the settings, whose options are the {@code [oslo_messaging_kafka]}
	 * ones
	 * @throws io.oslo4j.rpc.transport.InvalidTransportUrlException when the URL or an
	 * option is invalid
	 */
	public KafkaTransport(TransportUrl url, TransportSettings settings) {
		super(url, settings);
		this.options = KafkaOptions.of(url, settings);
		this.config = new KafkaClientConfig(url, this.options);
		String vhost = url.virtualHost();
		this.vhostSuffix = (vhost != null && !vhost.isEmpty()) ? "." + vhost : null;
	}

	/**
	 * Returns the options this transport runs with.
	 * @return the options
	 */
	public KafkaOptions options() {
		return this.options;
	}

	@Override
	public NotificationLayout notificationLayout() {
		return NotificationLayout.NESTED_CONTEXT;
	}

	/**
	 * Returns the Kafka topic a notifier produces to: {@code <topic>.<priority>}, plus
	 * {@code .<vhost>} when the URL has one (oslo's {@code target_to_topic}).
	 * @param target the notification topic
	 * @param priority the lower-case priority
	 * @return the Kafka topic
	 */
	public String producerTopic(Target target, String priority) {
		String topic = KafkaTopics.listenerTopic(target, priority);
		return (this.vhostSuffix != null) ? topic + this.vhostSuffix : topic;
	}

	@Override
	public void sendNotification(Target target, String priority, byte[] body) {
		publisher().publish(new ProducerRecord<>(producerTopic(target, priority), body));
	}

	@Override
	public Listener listenForNotifications(List<Target> targets, List<String> priorities, @Nullable String pool,
			DeliveryHandler handler) {
		checkOpen();
		Set<String> topics = new LinkedHashSet<>();
		for (Target target : targets) {
			for (String priority : priorities) {
				topics.add(KafkaTopics.listenerTopic(target, priority));
			}
		}
		String group = (pool != null) ? pool : this.options.consumerGroup();
		KafkaNotificationListener listener = new KafkaNotificationListener(
				new KafkaConsumer<>(this.config.consumer(group)), new ArrayList<>(topics), group, handler,
				this.options);
		this.listeners.add(listener);
		listener.start();
		return new Listener() {

			@Override
			public void stop() {
				listener.stop();
			}

			@Override
			public void close() {
				listener.close();
				KafkaTransport.this.listeners.remove(listener);
			}

			@Override
			public boolean isRunning() {
				return listener.isRunning();
			}

		};
	}

	private KafkaNotificationPublisher publisher() {
		synchronized (this.lock) {
			checkOpen();
			if (this.publisher == null) {
				this.publisher = new KafkaNotificationPublisher(new KafkaProducer<>(this.config.producer()),
						() -> this.connected = true);
			}
			return this.publisher;
		}
	}

	private Admin admin() {
		synchronized (this.lock) {
			if (this.admin == null) {
				this.admin = Admin.create(this.config.admin());
			}
			return this.admin;
		}
	}

	private void checkOpen() {
		if (this.closed) {
			throw new IllegalStateException("Transport " + url() + " is closed");
		}
	}

	// ---- RPC: not in oslo's Kafka driver ----

	@Override
	public void send(Target target, byte[] body, @Nullable Duration expiration) {
		throw new UnsupportedOperationException(NO_RPC);
	}

	@Override
	public void reply(String replyQueue, byte[] body) {
		throw new UnsupportedOperationException(NO_RPC);
	}

	@Override
	public String replyQueue(DeliveryHandler handler) {
		throw new UnsupportedOperationException(NO_RPC);
	}

	@Override
	public Listener listen(Target target, DeliveryHandler handler) {
		throw new UnsupportedOperationException(NO_RPC);
	}

	// ---- health ----

	/**
	 * Returns whether the last probe of the brokers (or the last record produced)
	 * succeeded.
	 */
	@Override
	public boolean isConnected() {
		return this.connected && !this.closed;
	}

	/**
	 * Asks the brokers for their cluster id (one admin request, at most 5 s), unless a
	 * probe is under way, and waits for the answer at most {@code timeout}.
	 */
	@Override
	public boolean connect(Duration timeout) {
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("connect timeout must not be negative, was " + timeout);
		}
		CompletableFuture<Boolean> current;
		synchronized (this.lock) {
			if (this.closed) {
				return false;
			}
			if (this.probe == null || this.probe.isDone()) {
				this.probe = startProbe();
			}
			current = this.probe;
		}
		if (timeout.isZero()) {
			return isConnected();
		}
		try {
			return current.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			return isConnected();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return isConnected();
		}
	}

	private CompletableFuture<Boolean> startProbe() {
		try {
			return admin().describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS))
				.clusterId()
				.toCompletionStage()
				.toCompletableFuture()
				.handle((id, failure) -> {
					this.connected = (failure == null);
					return this.connected;
				});
		}
		catch (KafkaException ex) {
			this.connected = false;
			return CompletableFuture.completedFuture(false);
		}
	}

	@Override
	public void close() {
		KafkaNotificationPublisher currentPublisher;
		Admin currentAdmin;
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			currentPublisher = this.publisher;
			currentAdmin = this.admin;
			this.publisher = null;
			this.admin = null;
		}
		closeComponents();
		for (KafkaNotificationListener listener : new ArrayList<>(this.listeners)) {
			listener.close();
		}
		this.listeners.clear();
		if (currentPublisher != null) {
			currentPublisher.close();
		}
		if (currentAdmin != null) {
			currentAdmin.close(Duration.ZERO);
		}
		logger.info("Kafka messaging driver shutdown");
	}

}
