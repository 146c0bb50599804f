package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.MessageSizeLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Makes the listener containers of a transport: one {@link OsloListenerContainer} per
 * server (three queues) and one for the reply queue, all on the consumer connection and
 * sharing one monitor thread.
 * <ul>
 * <li>Manual acknowledgement; the handler runs on the amqp-client consumer thread, behind
 * the {@code max_message_size} limit. A reply queue's deliveries are acked once handled,
 * in batches ({@link ReplyAcks}).</li>
 * <li>Prefetch: {@code rabbit_qos_prefetch_count} (for reply queues at least
 * {@value #MIN_REPLY_PREFETCH} when it is set, see {@link #replyPrefetch}). oslo sends no
 * {@code basic.qos} when it is 0; Spring always sends one, so 0 becomes
 * {@code basic.qos(0)}, which the broker reads as "no limit": the same behaviour
 * (Spring's own default of 250 is not used).</li>
 * <li>A stream's consumer (stream fanout) reads from its {@link StreamOffset}; stream
 * consumers need a prefetch limit, which {@code rabbit_stream_fanout} requires.</li>
 * <li>Consumers lost with the connection are restarted once it is open again, tried every
 * {@code rabbit_retry_interval} by one {@link ReconnectProbe}; initial start-up failures
 * back off as oslo does.</li>
 * </ul>
 */
final class RabbitConsumers implements AutoCloseable {

	private static final long SHUTDOWN_TIMEOUT_MILLIS = 500;

	/** The smallest prefetch of a reply queue's consumer when a prefetch is set. */
	static final int MIN_REPLY_PREFETCH = 64;

	private final ConnectionFactory connectionFactory;

	private final RabbitOptions options;

	private final ThreadPoolTaskScheduler scheduler;

	private final ReconnectProbe reconnect;

	private final AtomicBoolean reconnecting = new AtomicBoolean();

	private final DeliveryLimit deliveryLimit;

	RabbitConsumers(ConnectionFactory connectionFactory, BooleanSupplier connected, RabbitOptions options,
			String broker) {
		this.connectionFactory = connectionFactory;
		this.options = options;
		this.deliveryLimit = new DeliveryLimit(options.quorumDeliveryLimit());
		this.reconnect = new ReconnectProbe(connectionFactory, connected,
				Duration.ofMillis(Math.max(100, options.retryInterval().toMillis())), broker);
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setPoolSize(1);
		this.scheduler.setThreadNamePrefix("oslo4j-rabbit-monitor-");
		this.scheduler.setDaemon(true);
		this.scheduler.setAwaitTerminationMillis(SHUTDOWN_TIMEOUT_MILLIS);
		this.scheduler.setWaitForTasksToCompleteOnShutdown(false);
		this.scheduler.initialize();
	}

	/**
	 * Makes and starts a container.
	 * @param queues the queues to consume
	 * @param handler receives the messages
	 * @param ackAfterHandler whether messages the handler leaves unsettled are acked (a
	 * reply queue's: in batches, see {@link ReplyAcks})
	 * @param redeclare declares the queues again if one is missing
	 * @param streamOffset for the consumer of a stream: where it reads from, updated by
	 * every delivery; {@code null} for other queues
	 * @return the running container
	 */
	OsloListenerContainer start(java.util.List<String> queues, DeliveryHandler handler, boolean ackAfterHandler,
			Runnable redeclare, @Nullable StreamOffset streamOffset) {
		return start(queues, handler, ackAfterHandler, redeclare, streamOffset, null);
	}

	/**
	 * Makes and starts the container of a reply queue: deliveries acked in batches, the
	 * {@link ReplyQueueCheck}'s messages taken out before the handler, and the queue
	 * checked after each restart of its consumer.
	 * @param queue the reply queue
	 * @param handler receives the replies
	 * @param redeclare declares the queue again if it is missing
	 * @param check the reply queue's check
	 * @return the running container
	 */
	OsloListenerContainer startReplies(String queue, DeliveryHandler handler, Runnable redeclare,
			ReplyQueueCheck check) {
		return start(java.util.List.of(queue), handler, true, redeclare, null, check);
	}

	private OsloListenerContainer start(java.util.List<String> queues, DeliveryHandler handler, boolean ackAfterHandler,
			Runnable redeclare, @Nullable StreamOffset streamOffset, @Nullable ReplyQueueCheck check) {
		OsloListenerContainer container = new OsloListenerContainer(this.connectionFactory, redeclare, this.reconnect,
				streamOffset, (check != null) ? check::checkLater : null);
		container.setQueueNames(queues.toArray(String[]::new));
		container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		int prefetch = ackAfterHandler ? replyPrefetch(this.options.qosPrefetchCount())
				: this.options.qosPrefetchCount();
		container.setPrefetchCount(prefetch);
		container.setConsumersPerQueue(1);
		container.setMessageListener(
				new HandlerListenerAdapter(MessageSizeLimit.wrap(handler, this.options.maxMessageSize()),
						ackAfterHandler, ackAfterHandler ? ReplyAcks.forPrefetch(prefetch, this.scheduler) : null,
						streamOffset, this.deliveryLimit, check));
		container.setMessagePropertiesConverter(new RawContentTypeConverter());
		container.setDefaultRequeueRejected(false);
		container.setTaskScheduler(this.scheduler);
		long retry = Math.max(100, this.options.retryInterval().toMillis());
		container.setMonitorInterval(retry);
		container.setFailedDeclarationRetryInterval(retry);
		container.setRecoveryBackOff(OsloReconnectBackOff.of(this.options));
		container.setShutdownTimeout(SHUTDOWN_TIMEOUT_MILLIS);
		container.setForceCloseChannel(true);
		container.afterPropertiesSet();
		container.start();
		return container;
	}

	/**
	 * Returns the prefetch of a reply queue's consumer: unlimited when
	 * {@code rabbit_qos_prefetch_count} is 0, else at least {@value #MIN_REPLY_PREFETCH}.
	 * A deployment's small prefetch (1 in kolla-ansible) shares work fairly among the
	 * servers of a topic; a reply queue has one consumer, and a prefetch of 1 there would
	 * let one reply at a time through, capping a busy client at one reply per round trip.
	 */
	static int replyPrefetch(int prefetch) {
		return (prefetch <= 0) ? 0 : Math.max(prefetch, MIN_REPLY_PREFETCH);
	}

	/**
	 * Returns the monitor thread the containers share.
	 * @return the scheduler
	 */
	ThreadPoolTaskScheduler scheduler() {
		return this.scheduler;
	}

	/**
	 * Tries to reopen the consumer connection on the monitor thread, unless an attempt is
	 * pending; at most one attempt per retry interval is made.
	 */
	void reconnectInBackground() {
		if (this.reconnecting.compareAndSet(false, true)) {
			try {
				this.scheduler.execute(() -> {
					try {
						this.reconnect.connected();
					}
					finally {
						this.reconnecting.set(false);
					}
				});
			}
			catch (TaskRejectedException ex) {
				this.reconnecting.set(false);
			}
		}
	}

	/**
	 * Returns the quorum queues' delivery limit, which counts the last deliveries of the
	 * messages these consumers received.
	 * @return the delivery limit
	 */
	DeliveryLimit deliveryLimit() {
		return this.deliveryLimit;
	}

	/**
	 * Stops the shared monitor thread; call after stopping every container.
	 */
	@Override
	public void close() {
		this.scheduler.shutdown();
	}

}
