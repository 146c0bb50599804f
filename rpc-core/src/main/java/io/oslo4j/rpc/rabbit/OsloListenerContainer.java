package io.oslo4j.rpc.rabbit;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.ConsumeOkEvent;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

/**
 * A {@link DirectMessageListenerContainer} that knows which of its consumers are live
 * (for {@code Listener.isRunning()} and health), that declares its queues again before
 * restarting consumers when a queue has gone missing (oslo re-declares on consumer
 * cancel; Spring does this only for queues of an application context), and that restarts
 * consumers lost with the connection only once the transport's {@link ReconnectProbe} has
 * a connection again (Spring would try, and log an error with a stack trace, every retry
 * interval for every container). A stream's consumer is started at its
 * {@link StreamOffset}.
 */
final class OsloListenerContainer extends DirectMessageListenerContainer {

	private static final Logger logger = LoggerFactory.getLogger(OsloListenerContainer.class);

	// "no restart yet": far in the future, yet safe to add to a time in milliseconds
	private static final long NOT_YET = Long.MAX_VALUE / 4;

	private final Runnable redeclare;

	private final ReconnectProbe reconnect;

	private final Map<String, String> liveConsumers = new ConcurrentHashMap<>();

	private final @Nullable StreamOffset streamOffset;

	/**
	 * Makes a container.
	 * @param connectionFactory the consumer connection factory
	 * @param redeclare declares the queues again if one is missing
	 * @param reconnect tells when consumers may be restarted
	 * @param streamOffset for a stream's consumer: where it reads from
	 * @param restarted told the queue each time a consumer of it is started again after
	 * its first start, or {@code null}
	 */
	OsloListenerContainer(ConnectionFactory connectionFactory, Runnable redeclare, ReconnectProbe reconnect,
			@Nullable StreamOffset streamOffset, @Nullable Consumer<String> restarted) {
		super(connectionFactory);
		this.redeclare = redeclare;
		this.reconnect = reconnect;
		this.streamOffset = streamOffset;
		Set<String> started = ConcurrentHashMap.newKeySet();
		setApplicationEventPublisher((event) -> {
			if (event instanceof ConsumeOkEvent ok && ok.getConsumerTag() != null) {
				String queue = String.valueOf(ok.getQueue());
				this.liveConsumers.put(ok.getConsumerTag(), queue);
				if (restarted != null && !started.add(queue)) {
					restarted.accept(queue);
				}
			}
		});
	}

	/**
	 * Returns how many consumers are registered with the broker.
	 * @return the number of live consumers
	 */
	int liveConsumerCount() {
		return this.liveConsumers.size();
	}

	/**
	 * Returns the consumer arguments; a stream's consumer gets its current
	 * {@code x-stream-offset} each time it is (re)started.
	 */
	@Override
	public Map<String, Object> getConsumerArguments() {
		StreamOffset offset = this.streamOffset;
		return (offset != null) ? offset.consumerArguments() : super.getConsumerArguments();
	}

	@Override
	protected void consumerRemoved(SimpleConsumer consumer) {
		String tag = consumer.getConsumerTag();
		if (tag != null) {
			this.liveConsumers.remove(tag);
		}
	}

	/**
	 * Returns the retry interval while the connection is open (or opens now), else a time
	 * so long that the monitor does not try to restart consumers yet.
	 */
	@Override
	protected long getFailedDeclarationRetryInterval() {
		return this.reconnect.connected() ? super.getFailedDeclarationRetryInterval() : NOT_YET;
	}

	@Override
	protected void redeclareElementsIfNecessary() {
		try {
			this.redeclare.run();
		}
		catch (RuntimeException ex) {
			logger.error("Failed to declare the queues {} again: {}", getQueueNames(), ex.getMessage());
		}
	}

}
