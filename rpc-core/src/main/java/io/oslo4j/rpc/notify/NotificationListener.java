package io.oslo4j.rpc.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.oslo4j.rpc.GracefulStop;
import io.oslo4j.rpc.WorkerStats;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.Transport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives notifications as oslo's notification listener
 * ({@code get_notification_listener}, {@code get_batch_notification_listener}) does. It
 * subscribes, for every target, to the priorities some endpoint handles (queues
 * {@code <topic>.<priority>}, or the pool's queue; see
 * {@link Transport#listenForNotifications}) and calls the endpoints on the transport's
 * consumer threads, or on {@link NotificationListenerOptions#executorThreads()} threads
 * (batches from the timer thread when a batch times out). Each message is acknowledged
 * after its endpoints ran, or requeued when one asked for it and
 * {@link NotificationListenerOptions#allowRequeue()} is set. Messages that are not
 * notifications are logged and dropped; the listener goes on.
 * <p>
 * Lifecycle as {@code RpcServer}: {@link #start()}; {@link #stop()} stops taking
 * messages; {@link #await(Duration)} lets those being handled finish, hands a pending
 * batch on and releases the consumers; {@link #close()} does both within
 * {@link NotificationListenerOptions#shutdownTimeout()}.
 */
public final class NotificationListener implements GracefulStop {

	private static final Logger logger = LoggerFactory.getLogger(NotificationListener.class);

	private final Transport transport;

	private final List<Target> targets;

	private final NotificationListenerOptions options;

	private final NotificationDispatcher dispatcher;

	private final NotificationReceiver receiver;

	private final @Nullable NotificationExecutor executor;

	private @Nullable Listener listener;

	private boolean stopped;

	private NotificationListener(Transport transport, List<Target> targets, NotificationListenerOptions options,
			NotificationDispatcher dispatcher, boolean batch) {
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("at least one target is required");
		}
		for (Target target : targets) {
			if (target.topic() == null || target.topic().isEmpty()) {
				throw new IllegalArgumentException("a notification target needs a topic: " + target);
			}
		}
		if (dispatcher.priorities().isEmpty()) {
			throw new IllegalArgumentException("no endpoint handles any priority");
		}
		this.transport = transport;
		this.targets = List.copyOf(targets);
		this.options = options;
		this.dispatcher = dispatcher;
		this.executor = (options.executorThreads() > 0) ? new NotificationExecutor(options.executorThreads(),
				targets.get(0).topic(), options.executor(), options.taskDecorator()) : null;
		this.receiver = new NotificationReceiver(dispatcher, options, batch, this.executor);
	}

	/**
	 * Makes a listener calling endpoints one notification at a time.
	 * @param transport the transport
	 * @param targets the targets (topic, e.g. {@code notifications}, and optional
	 * exchange)
	 * @param endpoints the endpoints, called in this order
	 * @param options pool, requeue and codec settings (batch settings are ignored)
	 * @return the listener, not started
	 */
	public static NotificationListener create(Transport transport, List<Target> targets,
			List<? extends NotificationEndpoint> endpoints, NotificationListenerOptions options) {
		return new NotificationListener(transport, targets, options,
				NotificationDispatcher.of(new ArrayList<>(endpoints)), false);
	}

	/**
	 * Makes a listener with default options and the given pool.
	 * @param transport the transport
	 * @param targets the targets
	 * @param endpoints the endpoints
	 * @param pool the pool, or {@code null}
	 * @return the listener, not started
	 */
	public static NotificationListener create(Transport transport, List<Target> targets,
			List<? extends NotificationEndpoint> endpoints, @Nullable String pool) {
		return create(transport, targets, endpoints, NotificationListenerOptions.defaults().withPool(pool));
	}

	/**
	 * Makes a batch listener: endpoints get lists of up to
	 * {@link NotificationListenerOptions#batchSize()} notifications, collected for at
	 * most {@link NotificationListenerOptions#batchTimeout()}.
	 * @param transport the transport
	 * @param targets the targets
	 * @param endpoints the batch endpoints
	 * @param options the options, with the batch settings
	 * @return the listener, not started
	 */
	public static NotificationListener batch(Transport transport, List<Target> targets,
			List<? extends BatchNotificationEndpoint> endpoints, NotificationListenerOptions options) {
		return new NotificationListener(transport, targets, options,
				NotificationDispatcher.ofBatch(new ArrayList<>(endpoints)), true);
	}

	/**
	 * Returns the targets this listener consumes.
	 * @return the targets (topic and optional exchange)
	 */
	public List<Target> targets() {
		return this.targets;
	}

	/**
	 * Returns the pool this listener shares its queues with.
	 * @return the pool, or {@code null} when it has queues of its own
	 */
	public @Nullable String pool() {
		return this.options.pool();
	}

	/**
	 * Returns the priorities this listener subscribes to.
	 * @return the priorities, in oslo's order
	 */
	public Set<NotificationPriority> priorities() {
		return Set.copyOf(this.dispatcher.priorities());
	}

	/**
	 * Returns the filters screening what reaches this listener's endpoints (oslo's
	 * {@code filter_rule}), in endpoint order; endpoints without one are left out.
	 * @return the filters, empty when no endpoint filters
	 */
	public List<NotificationFilter> filters() {
		return this.dispatcher.filters();
	}

	/**
	 * Starts consuming. Idempotent while running.
	 * @return this listener
	 * @throws IllegalStateException when the listener was stopped
	 */
	public synchronized NotificationListener start() {
		if (this.stopped) {
			throw new IllegalStateException("Notification listener " + this.targets + " was stopped; make a new one");
		}
		if (this.listener == null) {
			List<String> priorities = this.dispatcher.priorities()
				.stream()
				.map(NotificationPriority::lowerName)
				.toList();
			this.listener = this.transport.listenForNotifications(this.targets, priorities, this.options.pool(),
					this.receiver);
			logger.debug("Notification listener on {} started for {} (pool {})", this.targets, priorities,
					this.options.pool());
		}
		return this;
	}

	/**
	 * Stops taking new messages; notifications already taken are still handled.
	 * Idempotent.
	 */
	@Override
	public synchronized void stop() {
		this.stopped = true;
		Listener current = this.listener;
		if (current != null) {
			current.stop();
		}
	}

	/**
	 * Waits for the notifications being handled to finish, hands a pending batch to the
	 * endpoints and releases the consumers. The queues stay on the broker. Call after
	 * {@link #stop()}.
	 * @param timeout how long handlers may run on
	 * @return whether every handler finished in time
	 * @throws InterruptedException when interrupted while waiting
	 */
	@Override
	public boolean await(Duration timeout) throws InterruptedException {
		try {
			NotificationExecutor current = this.executor;
			boolean finished = (current == null) || current.shutdownAndAwait(timeout);
			if (!finished) {
				logger.warn("Notification listener {}: handlers still running after {}", this.targets, timeout);
			}
			return finished;
		}
		finally {
			release();
		}
	}

	/**
	 * Stops, lets the notifications being handled finish within the shutdown timeout,
	 * hands a pending batch to the endpoints and releases the consumers. The queues stay
	 * on the broker. Idempotent.
	 */
	@Override
	public void close() {
		GracefulStop.close(this, this.options.shutdownTimeout());
	}

	private synchronized void release() {
		this.receiver.close();
		Listener current = this.listener;
		if (current != null) {
			current.close();
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	/**
	 * Returns what the threads calling the endpoints are doing.
	 * @return their figures, or {@code null} when endpoints run on the consumer threads
	 * ({@link NotificationListenerOptions#executorThreads()} 0)
	 */
	public @Nullable WorkerStats workerStats() {
		return this.executor;
	}

	/**
	 * Returns whether the listener is consuming.
	 * @return whether it runs
	 */
	public synchronized boolean isRunning() {
		Listener current = this.listener;
		return !this.stopped && current != null && current.isRunning();
	}

	/**
	 * Returns how many messages were dropped because they were not notifications.
	 * @return the count
	 */
	public long droppedCount() {
		return this.receiver.droppedCount();
	}

	@Override
	public String toString() {
		return "NotificationListener[targets=" + this.targets + ", pool=" + this.options.pool() + "]";
	}

}
