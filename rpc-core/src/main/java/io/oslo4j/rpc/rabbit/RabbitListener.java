package io.oslo4j.rpc.rabbit;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.oslo4j.rpc.transport.Listener;

/**
 * A server's consumers: one container on the queues {@code T}, {@code T.S} and
 * {@code T_fanout_<hex>}. {@link #close()} deletes the fanout queue, as oslo does on a
 * clean shutdown, and stops re-declaring the listener's topology.
 */
final class RabbitListener implements Listener {

	private final OsloListenerContainer container;

	private final RabbitTopology topology;

	private final RabbitTopology.Declarations declarations;

	private final Runnable onClose;

	private final AtomicBoolean closed = new AtomicBoolean();

	RabbitListener(OsloListenerContainer container, RabbitTopology topology, RabbitTopology.Declarations declarations,
			Runnable onClose) {
		this.container = container;
		this.topology = topology;
		this.declarations = declarations;
		this.onClose = onClose;
	}

	/**
	 * Returns the queues consumed: {@code T}, {@code T.S} and the fanout queue.
	 * @return the queue names
	 */
	List<String> queues() {
		return this.declarations.queues();
	}

	/**
	 * Returns the fanout queue of this listener.
	 * @return the fanout queue name
	 */
	String fanoutQueue() {
		return this.declarations.queues().get(2);
	}

	@Override
	public void stop() {
		if (this.container.isRunning()) {
			this.container.stop();
		}
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.topology.forget(this.declarations);
			this.container.stop();
			this.container.destroy();
			this.topology.deleteQueue(fanoutQueue());
			this.onClose.run();
		}
	}

	/**
	 * Stops the consumers without deleting anything (the transport is closing).
	 */
	void shutdown() {
		if (this.closed.compareAndSet(false, true)) {
			this.topology.forget(this.declarations);
			this.container.stop();
			this.container.destroy();
		}
	}

	@Override
	public boolean isRunning() {
		return !this.closed.get() && this.container.isRunning()
				&& this.container.liveConsumerCount() == this.declarations.queues().size();
	}

	@Override
	public String toString() {
		return "RabbitListener" + this.declarations.queues();
	}

}
