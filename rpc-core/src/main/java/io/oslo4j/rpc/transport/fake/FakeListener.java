package io.oslo4j.rpc.transport.fake;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.oslo4j.rpc.transport.Listener;

/**
 * A server's consumers on the {@link FakeBroker}: one {@link FakeWorker} consuming the
 * queues {@code topic}, {@code topic.server} and the listener's own fanout queue.
 */
final class FakeListener implements Listener {

	private final FakeBroker broker;

	private final List<FakeQueue> queues;

	private final String fanoutQueue;

	private final FakeWorker worker;

	private final Consumer<FakeListener> onClose;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	FakeListener(FakeBroker broker, List<FakeQueue> queues, String fanoutQueue, FakeWorker worker,
			Consumer<FakeListener> onClose) {
		this.broker = broker;
		this.queues = List.copyOf(queues);
		this.fanoutQueue = fanoutQueue;
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

	String fanoutQueue() {
		return this.fanoutQueue;
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
			this.broker.deleteQueue(this.fanoutQueue);
			this.onClose.accept(this);
		}
	}

	@Override
	public boolean isRunning() {
		return !this.stopped.get() && this.worker.isRunning();
	}

	@Override
	public String toString() {
		return "FakeListener[" + this.worker.thread().getName() + ", fanout=" + this.fanoutQueue + "]";
	}

}
