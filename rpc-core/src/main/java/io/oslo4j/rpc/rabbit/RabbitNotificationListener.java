package io.oslo4j.rpc.rabbit;

import java.util.concurrent.atomic.AtomicBoolean;

import io.oslo4j.rpc.transport.Listener;

/**
 * A notification listener's consumers: one container on the queues
 * {@code <topic>.<priority>} or on the pool's queue. Closing stops re-declaring them but
 * deletes nothing: notification queues outlive their listeners, as with oslo.
 */
final class RabbitNotificationListener implements Listener {

	private final OsloListenerContainer container;

	private final RabbitTopology topology;

	private final RabbitTopology.Declarations declarations;

	private final Runnable onClose;

	private final AtomicBoolean closed = new AtomicBoolean();

	RabbitNotificationListener(OsloListenerContainer container, RabbitTopology topology,
			RabbitTopology.Declarations declarations, Runnable onClose) {
		this.container = container;
		this.topology = topology;
		this.declarations = declarations;
		this.onClose = onClose;
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
			this.onClose.run();
		}
	}

	@Override
	public boolean isRunning() {
		return !this.closed.get() && this.container.isRunning()
				&& this.container.liveConsumerCount() == this.declarations.queues().size();
	}

	@Override
	public String toString() {
		return "RabbitNotificationListener" + this.declarations.queues();
	}

}
