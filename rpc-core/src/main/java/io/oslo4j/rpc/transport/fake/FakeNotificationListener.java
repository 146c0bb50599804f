package io.oslo4j.rpc.transport.fake;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.oslo4j.rpc.transport.Listener;

/**
 * A notification listener's consumers on the {@link FakeBroker}: one {@link FakeWorker}
 * consuming the queues {@code <topic>.<priority>} (or the pool's queue). Closing deletes
 * nothing: notification queues outlive their listeners, as on RabbitMQ.
 */
final class FakeNotificationListener implements Listener {

	private final List<FakeQueue> queues;

	private final FakeWorker worker;

	private final Consumer<FakeNotificationListener> onClose;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	FakeNotificationListener(List<FakeQueue> queues, FakeWorker worker, Consumer<FakeNotificationListener> onClose) {
		this.queues = List.copyOf(queues);
		this.worker = worker;
		this.onClose = onClose;
	}

	/** Starts the delivery thread, then consumes the queues. */
	void start() {
		this.worker.start();
		for (FakeQueue queue : this.queues) {
			queue.addConsumer(this.worker);
		}
	}

	FakeWorker worker() {
		return this.worker;
	}

	@Override
	public void stop() {
		if (this.stopped.compareAndSet(false, true)) {
			for (FakeQueue queue : this.queues) {
				queue.removeConsumer(this.worker);
			}
			this.worker.stop();
		}
	}

	@Override
	public void close() {
		stop();
		if (this.closed.compareAndSet(false, true)) {
			this.onClose.accept(this);
		}
	}

	@Override
	public boolean isRunning() {
		return !this.stopped.get() && this.worker.isRunning();
	}

	@Override
	public String toString() {
		return "FakeNotificationListener" + this.queues;
	}

}
