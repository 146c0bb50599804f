package io.oslo4j.rpc.rabbit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.oslo4j.rpc.rabbit.RabbitLayout.Declarations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Declares oslo's exchanges and queues ({@link RabbitLayout}) through a
 * {@link RabbitAdmin} on the consumer connection.
 * <p>
 * What is declared for a listener or the reply queue is remembered as a group of
 * {@link Declarations} and declared again whenever the consumer connection is
 * re-established (after a broker restart transient queues are gone), so that consumers
 * find their queues, with the same names, when the listener containers restart them.
 * Closing a listener forgets its group. Nothing shared is ever deleted, on errors
 * included: only a server's own fanout queue, on a clean close.
 * <p>
 * A declaration the broker refuses fails with a {@link DeclarationException} that names
 * the object and, when the clash is one {@link DeclarationAdvice} recognises, the option
 * to set.
 */
final class RabbitTopology implements ConnectionListener {

	private static final Logger logger = LoggerFactory.getLogger(RabbitTopology.class);

	private final RabbitAdmin admin;

	private final RabbitOptions options;

	private final List<Declarations> registered = new CopyOnWriteArrayList<>();

	private final AtomicLong fanoutStreamsLost = new AtomicLong();

	RabbitTopology(CachingConnectionFactory connectionFactory, RabbitOptions options) {
		this.admin = new RabbitAdmin(connectionFactory);
		this.options = options;
		connectionFactory.addConnectionListener(this);
	}

	/**
	 * Declares a group now and again after every reconnection.
	 * @param declarations the group
	 * @throws DeclarationException naming the object and the broker's complaint
	 */
	void declare(Declarations declarations) {
		declareNow(declarations);
		this.registered.add(declarations);
	}

	/**
	 * Stops re-declaring a group.
	 * @param declarations the group
	 */
	void forget(Declarations declarations) {
		this.registered.remove(declarations);
	}

	/**
	 * Declares a group again if one of its queues is missing (after a consumer was
	 * cancelled because its queue was deleted, for instance).
	 * @param declarations the group
	 */
	void redeclareIfMissing(Declarations declarations) {
		for (String queue : declarations.queues()) {
			if (this.admin.getQueueProperties(queue) == null) {
				logger.info("Queue {} is missing; declaring it again", queue);
				declareNow(declarations);
				return;
			}
		}
	}

	/**
	 * Declares a group again now, whether or not its queues look present.
	 * @param declarations the group
	 * @throws DeclarationException naming the object and the broker's complaint
	 */
	void declareAgain(Declarations declarations) {
		declareNow(declarations);
	}

	/**
	 * Deletes a queue (a listener's own fanout queue on close).
	 * @param queue the queue name
	 */
	void deleteQueue(String queue) {
		try {
			this.admin.deleteQueue(queue);
		}
		catch (AmqpException ex) {
			logger.warn("Failed to delete queue {}: {}", queue, BrokerErrors.describe(ex));
		}
	}

	@Override
	public void onCreate(Connection connection) {
		for (Declarations declarations : this.registered) {
			try {
				declareNow(declarations);
			}
			catch (RuntimeException ex) {
				// retried before the consumers restart (a queue on a node that just went
				// down is "stopped by supervisor" for a moment)
				logger.warn("Failed to re-declare {} after reconnecting (retried when consumers restart): {}",
						declarations.queues(), ex.getMessage());
			}
		}
	}

	/**
	 * Returns how many fanout streams were found deleted under their consumer and
	 * declared again.
	 * @return the count since the transport was made
	 */
	long fanoutStreamsLost() {
		return this.fanoutStreamsLost.get();
	}

	private void streamDeclared(String stream, StreamOffset offset) {
		if (offset.streamRecreated()) {
			this.fanoutStreamsLost.incrementAndGet();
			logger.warn("Fanout stream {} was deleted while consumed; declaring it again and reading it from its "
					+ "first message: fanout casts sent to the topic since the deletion are lost", stream);
		}
	}

	private void declareNow(Declarations declarations) {
		String stream = declarations.stream();
		StreamOffset offset = declarations.streamOffset();
		for (Declarable declarable : declarations.declarables()) {
			try {
				if (declarable instanceof Exchange exchange) {
					this.admin.declareExchange(exchange);
				}
				else if (declarable instanceof Queue queue) {
					if (offset != null && queue.getName().equals(stream)
							&& this.admin.getQueueProperties(stream) == null) {
						// a new stream: whatever it will hold was published after the old
						// one
						streamDeclared(stream, offset);
					}
					this.admin.declareQueue(queue);
				}
				else {
					this.admin.declareBinding((Binding) declarable);
				}
			}
			catch (AmqpException ex) {
				throw DeclarationAdvice.failure(declarable, this.options, ex);
			}
		}
	}

}
