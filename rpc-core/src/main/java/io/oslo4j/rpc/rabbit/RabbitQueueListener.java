package io.oslo4j.rpc.rabbit;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.oslo4j.rpc.transport.Listener;

/**
 * Consumers of declared queues: one container, or two when one of the queues is a stream
 * (whose consumer carries its offset). As is, it is a notification listener's (the queues
 * {@code <topic>.<priority>} or the pool's queue): closing stops re-declaring them but
 * deletes nothing, as notification queues outlive their listeners with oslo.
 * {@link RabbitServerListener} adds what a server's listener deletes.
 */
class RabbitQueueListener implements Listener {

	private final List<OsloListenerContainer> containers;

	private final RabbitTopology topology;

	private final RabbitLayout.Declarations declarations;

	private final Runnable onClose;

	private final AtomicBoolean closed = new AtomicBoolean();

	RabbitQueueListener(List<OsloListenerContainer> containers, RabbitTopology topology,
			RabbitLayout.Declarations declarations, Runnable onClose) {
		this.containers = List.copyOf(containers);
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

	RabbitLayout.Declarations declarations() {
		return this.declarations;
	}

	@Override
	public void stop() {
		for (OsloListenerContainer container : this.containers) {
			if (container.isRunning()) {
				container.stop();
			}
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
		for (OsloListenerContainer container : this.containers) {
			container.stop();
			container.destroy();
		}
		return true;
	}

	@Override
	public boolean isRunning() {
		if (this.closed.get()) {
			return false;
		}
		for (OsloListenerContainer container : this.containers) {
			if (!container.isRunning()) {
				return false;
			}
		}
		return consumerCount() == this.declarations.queues().size();
	}

	@Override
	public int consumerCount() {
		if (this.closed.get()) {
			return 0;
		}
		int count = 0;
		for (OsloListenerContainer container : this.containers) {
			count += container.liveConsumerCount();
		}
		return count;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + this.declarations.queues();
	}

}
