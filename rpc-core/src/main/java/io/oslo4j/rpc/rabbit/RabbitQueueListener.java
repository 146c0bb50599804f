package io.oslo4j.rpc.rabbit;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.oslo4j.rpc.transport.Listener;

/**
 * Consumers of declared queues: one container. As is, it is a notification listener's
 * (the queues {@code <topic>.<priority>} or the pool's queue): closing stops re-declaring
 * them but deletes nothing, as notification queues outlive their listeners with oslo.
 * {@link RabbitListener} adds what a server's listener deletes.
 */
class RabbitQueueListener implements Listener {

	private final OsloListenerContainer container;

	private final RabbitTopology topology;

	private final RabbitTopology.Declarations declarations;

	private final Runnable onClose;

	private final AtomicBoolean closed = new AtomicBoolean();

	RabbitQueueListener(OsloListenerContainer container, RabbitTopology topology,
			RabbitTopology.Declarations declarations, Runnable onClose) {
		this.container = container;
		this.topology = topology;
		this.declarations = declarations;
		this.onClose = onClose;
	}

	/**
	 * Returns the queues consumed.
	 * @return the queue names
	 */
	List<String> queues() {
		return this.declarations.queues();
	}

	RabbitTopology topology() {
		return this.topology;
	}

	@Override
	public void stop() {
		if (this.container.isRunning()) {
			this.container.stop();
		}
	}

	@Override
	public void close() {
		if (release()) {
			deleteOwnQueues();
			this.onClose.run();
		}
	}

	/**
	 * Deletes what belongs to this listener alone, once, on close while connected;
	 * nothing here.
	 */
	void deleteOwnQueues() {
	}

	/**
	 * Stops the consumers without deleting anything (the transport is closing).
	 */
	void shutdown() {
		release();
	}

	private boolean release() {
		if (!this.closed.compareAndSet(false, true)) {
			return false;
		}
		this.topology.forget(this.declarations);
		this.container.stop();
		this.container.destroy();
		return true;
	}

	@Override
	public boolean isRunning() {
		return !this.closed.get() && this.container.isRunning()
				&& this.container.liveConsumerCount() == this.declarations.queues().size();
	}

	@Override
	public int consumerCount() {
		return this.closed.get() ? 0 : this.container.liveConsumerCount();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + this.declarations.queues();
	}

}
