package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import io.oslo4j.rpc.transport.DeliveryHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transport's reply queue: declared and consumed on first use, declared again after
 * every reconnection, and checked by a {@link ReplyQueueCheck} after its consumer is
 * restarted and when a call on it timed out, so that a queue RabbitMQ lost under its
 * consumer is repaired instead of silently receiving nothing.
 */
final class RabbitReplyQueue implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RabbitReplyQueue.class);

	/** How long a confirmed check may take to reach the consumer. */
	private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(5);

	private final RabbitLayout layout;

	private final RabbitTopology topology;

	private final RabbitConsumers consumers;

	private final ReplyQueueCheck check;

	private final BooleanSupplier connected;

	private final Lock lock = new ReentrantLock();

	private volatile @Nullable String name;

	private volatile RabbitLayout.@Nullable Declarations declarations;

	private volatile @Nullable OsloListenerContainer container;

	/**
	 * Makes the reply queue of a transport; nothing is declared until first use.
	 * @param layout names and declares it
	 * @param topology declares it again after reconnections
	 * @param consumers starts its consumer
	 * @param publisher sends its checks
	 * @param options the transport's options
	 * @param connected whether the consumer connection is open, without opening it
	 */
	RabbitReplyQueue(RabbitLayout layout, RabbitTopology topology, RabbitConsumers consumers, RabbitPublisher publisher,
			RabbitOptions options, BooleanSupplier connected) {
		this.layout = layout;
		this.connected = connected;
		this.topology = topology;
		this.consumers = consumers;
		this.check = new ReplyQueueCheck(publisher::replyQueueCheck, consumers.scheduler(), this::repair,
				Duration.ofMillis(Math.max(100, options.retryInterval().toMillis())), ARRIVAL_TIMEOUT);
	}

	/**
	 * Returns the reply queue, declaring it and starting its consumer on first use; the
	 * handler of the first use is the one that receives the replies.
	 * @param handler receives the replies
	 * @return the queue name
	 */
	String name(DeliveryHandler handler) {
		String current = this.name;
		if (current != null) {
			return current;
		}
		this.lock.lock();
		try {
			current = this.name;
			if (current == null) {
				RabbitLayout.Declarations queue = this.layout.forReplyQueue();
				this.topology.declare(queue);
				current = queue.queues().get(0);
				this.container = this.consumers.startReplies(current, handler,
						() -> this.topology.redeclareIfMissing(queue), this.check);
				this.declarations = queue;
				this.name = current;
			}
			return current;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Checks soon that the reply queue receives what is sent to it (a call on it timed
	 * out). Nothing is checked while the consumer connection is down: the consumer's
	 * restart is followed by a check, and a check must not wait on the monitor thread for
	 * a broker that does not answer.
	 * @param queue the queue the call waited on
	 */
	void check(String queue) {
		if (queue.equals(this.name) && this.connected.getAsBoolean()) {
			this.check.checkSoon(queue);
		}
	}

	/**
	 * Returns how many times the reply queue was found not receiving and repaired.
	 * @return the count since the transport was made
	 */
	long repairs() {
		return this.check.repairs();
	}

	/**
	 * Returns the consumer container, for tests.
	 */
	@Nullable OsloListenerContainer container() {
		return this.container;
	}

	/**
	 * Stops the consumer.
	 */
	@Override
	public void close() {
		OsloListenerContainer running = this.container;
		if (running != null) {
			running.stop();
			running.destroy();
		}
	}

	private void repair(String queue) {
		this.lock.lock();
		try {
			RabbitLayout.Declarations queueDeclarations = this.declarations;
			OsloListenerContainer running = this.container;
			if (!queue.equals(this.name) || queueDeclarations == null || running == null || !running.isRunning()) {
				return;
			}
			try {
				this.topology.declareAgain(queueDeclarations);
			}
			catch (RuntimeException ex) {
				logger.warn("Failed to declare reply queue {} again: {}", queue, ex.getMessage());
				return;
			}
			running.stop();
			running.start();
		}
		finally {
			this.lock.unlock();
		}
	}

}
