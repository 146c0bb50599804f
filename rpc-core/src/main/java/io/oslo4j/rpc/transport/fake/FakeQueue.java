package io.oslo4j.rpc.transport.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A queue of the {@link FakeBroker}: FIFO messages pushed to its consumers in round-robin
 * order, as RabbitMQ does with unlimited prefetch. A message expires at the head of the
 * queue; a requeued message goes back to the head.
 */
final class FakeQueue {

	private final String name;

	private final Deque<FakeMessage> ready = new ArrayDeque<>();

	private final List<FakeConsumer> consumers = new ArrayList<>();

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
	 * {@code basic.reject} with requeue). Dropped when the queue is gone.
	 * @param message the message
	 */
	synchronized void requeue(FakeMessage message) {
		if (!this.deleted) {
			this.ready.addFirst(message.redelivery());
			dispatch();
		}
	}

	synchronized void addConsumer(FakeConsumer consumer) {
		if (!this.deleted && !this.consumers.contains(consumer)) {
			this.consumers.add(consumer);
			dispatch();
		}
	}

	/**
	 * Cancels a consumer: once this returns, the queue pushes nothing more to it.
	 * @param consumer the consumer
	 */
	synchronized void removeConsumer(FakeConsumer consumer) {
		this.consumers.remove(consumer);
	}

	synchronized void delete() {
		this.deleted = true;
		this.ready.clear();
		this.consumers.clear();
	}

	synchronized int messageCount() {
		purgeExpired();
		return this.ready.size();
	}

	synchronized int consumerCount() {
		return this.consumers.size();
	}

	private void dispatch() {
		while (!this.consumers.isEmpty()) {
			purgeExpired();
			FakeMessage message = this.ready.pollFirst();
			if (message == null) {
				return;
			}
			this.next = this.next % this.consumers.size();
			FakeConsumer consumer = this.consumers.get(this.next++);
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
