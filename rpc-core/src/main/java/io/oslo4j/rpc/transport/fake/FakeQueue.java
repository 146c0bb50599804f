package io.oslo4j.rpc.transport.fake;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A queue of the {@link FakeBroker}: FIFO messages pushed to its consumers in round-robin
 * order, as RabbitMQ does with unlimited prefetch. A message expires at the head of the
 * queue; a requeued message goes back to the head.
 * <p>
 * Whoever makes the queue push calls {@link #flush()} once it holds no lock, so that
 * consumers that deliver on the publishing thread (a reply queue's) get to run.
 * {@link #requeue} does so itself; {@link #enqueue} is called with the broker's lock held
 * and leaves it to the broker; {@link #addConsumer} leaves it to the caller.
 */
final class FakeQueue {

	private static final FakeConsumer[] NO_CONSUMERS = {};

	private final String name;

	private final Deque<FakeMessage> ready = new ArrayDeque<>();

	// copy-on-write under the lock of this queue, read without it by flush()
	private volatile FakeConsumer[] consumers = NO_CONSUMERS;

	private int next;

	private boolean deleted;

	FakeQueue(String name) {
		this.name = name;
	}

	String name() {
		return this.name;
	}

	synchronized void enqueue(FakeMessage message) {
		if (!this.deleted) {
			this.ready.addLast(message);
			dispatch();
		}
	}

	/**
	 * Puts a message back at the head of the queue, marked redelivered (a
	 * {@code basic.reject} with requeue), then flushes. Dropped when the queue is gone.
	 * @param message the message
	 */
	void requeue(FakeMessage message) {
		synchronized (this) {
			if (this.deleted) {
				return;
			}
			this.ready.addFirst(message.redelivery());
			dispatch();
		}
		flush();
	}

	/**
	 * Adds a consumer and pushes it the messages ready; the caller flushes once it holds
	 * no lock.
	 * @param consumer the consumer
	 */
	synchronized void addConsumer(FakeConsumer consumer) {
		if (!this.deleted && !Arrays.asList(this.consumers).contains(consumer)) {
			FakeConsumer[] more = Arrays.copyOf(this.consumers, this.consumers.length + 1);
			more[more.length - 1] = consumer;
			this.consumers = more;
			dispatch();
		}
	}

	/**
	 * Cancels a consumer: once this returns, the queue pushes nothing more to it.
	 * @param consumer the consumer
	 */
	synchronized void removeConsumer(FakeConsumer consumer) {
		FakeConsumer[] current = this.consumers;
		int index = Arrays.asList(current).indexOf(consumer);
		if (index >= 0) {
			FakeConsumer[] fewer = new FakeConsumer[current.length - 1];
			System.arraycopy(current, 0, fewer, 0, index);
			System.arraycopy(current, index + 1, fewer, index, fewer.length - index);
			this.consumers = fewer;
		}
	}

	/**
	 * Lets every consumer hand over what it was pushed (see
	 * {@link FakeConsumer#flush()}); call with no broker or queue lock held.
	 */
	void flush() {
		for (FakeConsumer consumer : this.consumers) {
			consumer.flush();
		}
	}

	synchronized void delete() {
		this.deleted = true;
		this.ready.clear();
		this.consumers = NO_CONSUMERS;
	}

	synchronized int messageCount() {
		purgeExpired();
		return this.ready.size();
	}

	synchronized int consumerCount() {
		return this.consumers.length;
	}

	private void dispatch() {
		FakeConsumer[] current = this.consumers;
		while (current.length > 0) {
			purgeExpired();
			FakeMessage message = this.ready.pollFirst();
			if (message == null) {
				return;
			}
			this.next = this.next % current.length;
			FakeConsumer consumer = current[this.next++];
			consumer.push(new FakeDelivery(this, message));
		}
	}

	private void purgeExpired() {
		while (!this.ready.isEmpty() && this.ready.peekFirst().isExpired()) {
			this.ready.pollFirst();
		}
	}

	@Override
	public String toString() {
		return "FakeQueue[" + this.name + "]";
	}

}
