package io.oslo4j.rpc.transport.fake;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.oslo4j.rpc.transport.Listener;

/**
 * Consumers of queues on the {@link FakeBroker}: one {@link FakeWorker} on a list of
 * queues. As is, it is a notification listener's (the queues {@code <topic>.<priority>}
 * or the pool's queue): closing deletes nothing, as notification queues outlive their
 * listeners on RabbitMQ. {@link FakeListener} adds what a server's listener deletes.
 */
class FakeQueueListener implements Listener {

	private final List<FakeQueue> queues;

	private final FakeWorker worker;

	private final Consumer<? super FakeQueueListener> onClose;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	FakeQueueListener(List<FakeQueue> queues, FakeWorker worker, Consumer<? super FakeQueueListener> onClose) {
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
		for (FakeQueue queue : this.queues) {
			queue.flush();
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
			deleteOwnQueues();
			this.onClose.accept(this);
		}
	}

	/**
	 * Deletes what belongs to this listener alone, once, on close; nothing here.
	 */
	void deleteOwnQueues() {
	}

	/**
	 * Returns one consumer per queue while running, as on RabbitMQ.
	 */
	@Override
	public int consumerCount() {
		return isRunning() ? this.queues.size() : 0;
	}

	@Override
	public boolean isRunning() {
		return !this.stopped.get() && this.worker.isRunning();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + this.queues;
	}

}
