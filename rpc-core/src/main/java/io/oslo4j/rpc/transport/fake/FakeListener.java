package io.oslo4j.rpc.transport.fake;

import java.util.List;
import java.util.function.Consumer;

/**
 * A server's consumers on the {@link FakeBroker}: one {@link FakeWorker} consuming the
 * queues {@code topic}, {@code topic.server} and the listener's own fanout queue, which
 * closing deletes.
 */
final class FakeListener extends FakeQueueListener {

	private final FakeBroker broker;

	private final String fanoutQueue;

	FakeListener(FakeBroker broker, List<FakeQueue> queues, String fanoutQueue, FakeWorker worker,
			Consumer<? super FakeQueueListener> onClose) {
		super(queues, worker, onClose);
		this.broker = broker;
		this.fanoutQueue = fanoutQueue;
	}

	String fanoutQueue() {
		return this.fanoutQueue;
	}

	@Override
	void deleteOwnQueues() {
		this.broker.deleteQueue(this.fanoutQueue);
	}

	@Override
	public String toString() {
		return "FakeListener[" + worker().thread().getName() + ", fanout=" + this.fanoutQueue + "]";
	}

}
