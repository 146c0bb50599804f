package io.oslo4j.rpc.transport.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.oslo4j.rpc.transport.DeliveryHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer without a thread of its own, for a reply queue: the thread that publishes a
 * message (a server's worker sending a reply) runs the handler itself once it has let go
 * of the broker, then acknowledges the message. This saves a thread hand-off per call; it
 * is only fit for a handler that never blocks, as a reply waiter's, which only completes
 * a future.
 * <p>
 * Handler calls are one at a time and in queue order: a thread that flushes while another
 * is already handing messages over leaves its messages to that thread, so a publisher
 * never waits for another's handler, and a handler that publishes to its own queue again
 * finds its message handled after it returns, not inside it. A handler that throws has
 * its message logged and rejected without requeue; nothing it throws reaches the
 * publisher. After {@link #stop()} nothing more is handed over and the messages not
 * handed over go back to the head of their queue.
 */
final class FakeInlineConsumer implements FakeConsumer {

	private static final Logger logger = LoggerFactory.getLogger(FakeInlineConsumer.class);

	private final DeliveryHandler handler;

	// all guarded by the lock of this consumer, a leaf lock taken inside the queue's
	private final ArrayDeque<FakeDelivery> inbox = new ArrayDeque<>();

	private boolean running = true;

	private boolean handing;

	FakeInlineConsumer(DeliveryHandler handler) {
		this.handler = handler;
	}

	@Override
	public synchronized void push(FakeDelivery delivery) {
		this.inbox.addLast(delivery);
	}

	@Override
	public void flush() {
		FakeDelivery delivery = takeFirst(false);
		while (delivery != null) {
			hand(delivery);
			delivery = takeFirst(true);
		}
	}

	/**
	 * Stops handing messages over; call after cancelling this consumer on its queue.
	 * Messages not yet handed over go back to the head of their queue; a handler call in
	 * progress finishes on its thread.
	 */
	void stop() {
		List<FakeDelivery> undelivered;
		synchronized (this) {
			this.running = false;
			undelivered = new ArrayList<>(this.inbox);
			this.inbox.clear();
		}
		for (int i = undelivered.size() - 1; i >= 0; i--) {
			undelivered.get(i).reject(true);
		}
	}

	synchronized boolean isRunning() {
		return this.running;
	}

	/**
	 * Takes the next message to hand over, or {@code null} when there is none or another
	 * thread is handing messages over; on {@code null} a thread that was handing stops.
	 * @param handingNow whether the calling thread is the one handing messages over
	 */
	private synchronized @Nullable FakeDelivery takeFirst(boolean handingNow) {
		if (this.handing != handingNow) {
			return null;
		}
		FakeDelivery next = this.running ? this.inbox.pollFirst() : null;
		this.handing = (next != null);
		return next;
	}

	private void hand(FakeDelivery delivery) {
		if (delivery.isExpired()) {
			logger.debug("Discarding expired message from {}", delivery.queue());
			delivery.ack();
			return;
		}
		try {
			this.handler.onMessage(delivery);
			delivery.ack();
		}
		catch (Throwable ex) {
			logger.warn("Handler failed on a message from {}; rejecting it", delivery.queue(), ex);
			delivery.reject(false);
		}
	}

}
