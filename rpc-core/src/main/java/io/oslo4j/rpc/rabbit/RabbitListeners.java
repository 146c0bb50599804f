package io.oslo4j.rpc.rabbit;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.Listener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners a {@link RabbitTransport} opened: each declares its queues, consumes them
 * in listener containers and is tracked until it is closed, so that closing the transport
 * closes what is still open.
 */
final class RabbitListeners {

	private static final Logger logger = LoggerFactory.getLogger(RabbitListeners.class);

	private final RabbitTopology topology;

	private final RabbitConsumers consumers;

	private final Set<RabbitQueueListener> open = ConcurrentHashMap.newKeySet();

	RabbitListeners(RabbitTopology topology, RabbitConsumers consumers) {
		this.topology = topology;
		this.consumers = consumers;
	}

	/**
	 * Declares the queues, starts a container on them (two when one is a stream: its
	 * consumer has arguments of its own) and tracks the listener until it is closed.
	 */
	Listener open(RabbitLayout.Declarations declarations, DeliveryHandler handler, Factory factory) {
		this.topology.declare(declarations);
		Runnable redeclare = () -> this.topology.redeclareIfMissing(declarations);
		String stream = declarations.stream();
		List<OsloListenerContainer> containers;
		if (stream == null) {
			containers = List.of(this.consumers.start(declarations.queues(), handler, false, redeclare, null));
		}
		else {
			List<String> queues = declarations.queues();
			OsloListenerContainer topics = this.consumers.start(queues.subList(0, queues.size() - 1), handler, false,
					redeclare, null);
			try {
				containers = List.of(topics, this.consumers.start(List.of(stream), handler, false, redeclare,
						Objects.requireNonNull(declarations.streamOffset())));
			}
			catch (RuntimeException ex) {
				topics.stop();
				topics.destroy();
				this.topology.forget(declarations);
				throw ex;
			}
		}
		RabbitQueueListener[] holder = new RabbitQueueListener[1];
		RabbitQueueListener listener = factory.create(containers, this.topology, declarations,
				() -> this.open.remove(holder[0]));
		holder[0] = listener;
		this.open.add(listener);
		return listener;
	}

	/**
	 * Closes every listener still open: with the connection up, as a listener closes
	 * (deleting a server's fanout queue); without it, only stopping its consumers.
	 * @param connected whether the consumer connection is up
	 */
	void closeAll(boolean connected) {
		for (RabbitQueueListener listener : List.copyOf(this.open)) {
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
		this.open.clear();
	}

	/** Makes the listener of a kind: a server's or a notification listener's. */
	@FunctionalInterface
	interface Factory {

		RabbitQueueListener create(List<OsloListenerContainer> containers, RabbitTopology topology,
				RabbitLayout.Declarations declarations, Runnable onClose);

	}

}
