package io.oslo4j.rpc.transport.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.MessageSizeLimit;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.fake.FakeExchange.Type;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code fake://} transport: oslo's RabbitMQ topology on an in-memory
 * {@link FakeBroker} shared by every {@code fake://} transport of the JVM with the same
 * virtual host ({@code fake:///name} gives a broker of its own). Bodies are bytes, never
 * parsed. Query option {@code kombu_missing_consumer_retry_timeout} (seconds, default 60)
 * bounds how long a reply waits for a missing reply queue; {@code max_message_size}
 * (bytes, default 16 MiB, 0 for none) refuses bigger bodies on receive, as on RabbitMQ.
 */
public class FakeTransport extends AbstractTransport {

	/** The option that bounds how long a reply waits for its queue. */
	public static final String REPLY_RETRY_TIMEOUT_OPTION = "kombu_missing_consumer_retry_timeout";

	private static final Logger logger = LoggerFactory.getLogger(FakeTransport.class);

	private static final long CLOSE_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final FakeBroker broker;

	private final Duration replyRetryTimeout;

	private final long maxMessageSize;

	private final Object lifecycle = new Object();

	private final Set<FakeQueueListener> listeners = new CopyOnWriteArraySet<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private @Nullable String replyQueueName;

	private @Nullable FakeInlineConsumer replyConsumer;

	private final BooleanSupplier isClosed = this.closed::get;

	/**
	 * Creates a transport on the broker of the URL's virtual host.
	 * @param url the {@code fake://} URL
	 * @param settings the control exchange and options (URL query options win)
	 */
	public FakeTransport(TransportUrl url, TransportSettings settings) {
		super(url, settings);
		this.broker = FakeBroker.forVirtualHost(url.effectiveVirtualHost());
		this.replyRetryTimeout = FakeOptions.replyRetryTimeout(url, settings);
		this.maxMessageSize = FakeOptions.maxMessageSize(url, settings);
	}

	private DeliveryHandler limited(DeliveryHandler handler) {
		return MessageSizeLimit.wrap(handler, this.maxMessageSize);
	}

	@Override
	public void send(Target target, byte[] body, @Nullable Duration expiration) {
		String topic = Objects.requireNonNull(target.validateForSend().topic());
		ensureOpen();
		FakeMessage message = FakeMessage.of(body, expiration);
		String exchange;
		String routingKey;
		if (target.fanout()) {
			exchange = topic + "_fanout";
			routingKey = "";
			this.broker.declareExchange(exchange, Type.FANOUT, true);
		}
		else {
			exchange = topicExchange(target);
			routingKey = (target.server() != null) ? topic + "." + target.server() : topic;
			this.broker.declareExchange(exchange, Type.TOPIC, false);
		}
		this.broker.taps().sent(target, body);
		if (!this.broker.publish(exchange, routingKey, message)) {
			logger.debug("Dropped unroutable message to exchange '{}' with routing key '{}'", exchange, routingKey);
		}
	}

	@Override
	public void reply(String replyQueue, byte[] body) {
		ensureOpen();
		FakeMessage message = FakeMessage.of(body, null);
		if (!this.broker.publishMandatory(replyQueue, message, this.replyRetryTimeout, this.isClosed)) {
			ensureOpen();
			logger.warn("A reply failed to send after {} seconds due to a missing queue ({}). Abandoning...",
					this.replyRetryTimeout.toMillis() / 1000.0, replyQueue);
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The handler runs on the thread that publishes the reply (a server's worker), once
	 * that thread has let go of the broker, not on a thread of its own: it must not
	 * block. A reply waiter's handler only completes a future.
	 */
	@Override
	public String replyQueue(DeliveryHandler handler) {
		FakeQueue queue;
		synchronized (this.lifecycle) {
			ensureOpen();
			if (this.replyQueueName != null) {
				return this.replyQueueName;
			}
			String name = "reply_" + hex();
			queue = this.broker.declareQueue(name);
			FakeInlineConsumer consumer = new FakeInlineConsumer(limited(handler));
			queue.addConsumer(consumer);
			this.replyConsumer = consumer;
			this.replyQueueName = name;
		}
		// replies published between declaring the queue and consuming it
		queue.flush();
		return queue.name();
	}

	@Override
	public Listener listen(Target target, DeliveryHandler handler) {
		String topic = Objects.requireNonNull(target.validateForListen().topic());
		String serverQueue = topic + "." + Objects.requireNonNull(target.server());
		String exchange = topicExchange(target);
		String fanoutExchange = topic + "_fanout";
		String fanoutQueue = fanoutExchange + "_" + hex();
		synchronized (this.lifecycle) {
			ensureOpen();
			this.broker.declareExchange(exchange, Type.TOPIC, false);
			FakeQueue shared = this.broker.declareQueue(topic);
			this.broker.bind(exchange, topic, topic);
			FakeQueue own = this.broker.declareQueue(serverQueue);
			this.broker.bind(exchange, serverQueue, serverQueue);
			this.broker.declareExchange(fanoutExchange, Type.FANOUT, true);
			FakeQueue fanout = this.broker.declareQueue(fanoutQueue);
			this.broker.bind(fanoutExchange, fanoutQueue, topic);
			FakeListener listener = new FakeListener(this.broker, List.of(shared, own, fanout), fanoutQueue,
					new FakeWorker(serverQueue, limited(handler)), this.listeners::remove);
			this.listeners.add(listener);
			listener.start();
			return listener;
		}
	}

	// ---- notifications ----

	@Override
	public void sendNotification(Target target, String priority, byte[] body) {
		String topic = Objects.requireNonNull(target.topic(), "a notification target needs a topic");
		ensureOpen();
		String exchange = topicExchange(target);
		String routingKey = topic + "." + priority;
		this.broker.declareExchange(exchange, Type.TOPIC, false);
		this.broker.declareQueue(routingKey);
		this.broker.bind(exchange, routingKey, routingKey);
		this.broker.taps().notified(target, priority, body);
		this.broker.publish(exchange, routingKey, FakeMessage.of(body, null));
	}

	@Override
	public Listener listenForNotifications(List<Target> targets, List<String> priorities, @Nullable String pool,
			DeliveryHandler handler) {
		synchronized (this.lifecycle) {
			ensureOpen();
			Set<FakeQueue> queues = new LinkedHashSet<>();
			for (Target target : targets) {
				String topic = Objects.requireNonNull(target.topic(), "a notification target needs a topic");
				String exchange = topicExchange(target);
				this.broker.declareExchange(exchange, Type.TOPIC, false);
				for (String priority : priorities) {
					String routingKey = topic + "." + priority;
					String queueName = (pool != null) ? pool : routingKey;
					queues.add(this.broker.declareQueue(queueName));
					this.broker.bind(exchange, queueName, routingKey);
				}
			}
			String name = (pool != null) ? pool : "notifications";
			FakeQueueListener listener = new FakeQueueListener(new ArrayList<>(queues),
					new FakeWorker(name, limited(handler)), this.listeners::remove);
			this.listeners.add(listener);
			listener.start();
			return listener;
		}
	}

	@Override
	public boolean isConnected() {
		return !this.closed.get();
	}

	/**
	 * Closes the components, then every listener (deleting its fanout queue) and the
	 * reply consumer; waits briefly for the listeners' threads and interrupts handlers
	 * that do not return. A reply handler running on a publisher's thread finishes there.
	 * The reply queue stays, as on RabbitMQ until its {@code x-expires}.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		closeComponents();
		List<FakeWorker> workers = new ArrayList<>();
		synchronized (this.lifecycle) {
			for (FakeQueueListener listener : this.listeners) {
				listener.close();
				workers.add(listener.worker());
			}
			FakeInlineConsumer consumer = this.replyConsumer;
			String queueName = this.replyQueueName;
			if (consumer != null && queueName != null) {
				FakeQueue queue = this.broker.queue(queueName);
				if (queue != null) {
					queue.removeConsumer(consumer);
				}
				consumer.stop();
			}
		}
		this.broker.wakeWaiters();
		long deadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
		for (FakeWorker worker : workers) {
			worker.awaitTermination(deadline - System.nanoTime());
		}
	}

	/**
	 * Returns the broker this transport uses, for tests in this package.
	 * @return the broker
	 */
	FakeBroker broker() {
		return this.broker;
	}

	private String topicExchange(Target target) {
		String exchange = target.exchange();
		return (exchange != null) ? exchange : controlExchange();
	}

	private void ensureOpen() {
		if (this.closed.get()) {
			throw new RpcDeliveryException("transport is closed: " + url());
		}
	}

	private static String hex() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
