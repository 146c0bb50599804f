package io.oslo4j.rpc.rabbit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.ConsumeOkEvent;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;

/**
 * A {@link DirectMessageListenerContainer} that knows which of its consumers are live
 * (for {@code Listener.isRunning()} and health) and that declares its queues again before
 * restarting consumers when a queue has gone missing (oslo re-declares on consumer
 * cancel; Spring does this only for queues of an application context).
 */
final class OsloListenerContainer extends DirectMessageListenerContainer {

	private static final Logger logger = LoggerFactory.getLogger(OsloListenerContainer.class);

	private final Runnable redeclare;

	private final Map<String, String> liveConsumers = new ConcurrentHashMap<>();

	OsloListenerContainer(ConnectionFactory connectionFactory, Runnable redeclare) {
		super(connectionFactory);
		this.redeclare = redeclare;
		setApplicationEventPublisher((event) -> {
			if (event instanceof ConsumeOkEvent ok && ok.getConsumerTag() != null) {
				this.liveConsumers.put(ok.getConsumerTag(), String.valueOf(ok.getQueue()));
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

	@Override
	protected void consumerRemoved(SimpleConsumer consumer) {
		String tag = consumer.getConsumerTag();
		if (tag != null) {
			this.liveConsumers.remove(tag);
		}
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
