package io.oslo4j.rpc.transport.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.oslo4j.rpc.transport.DeliveryHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery thread of one consumer (a listener's queues): queues push into its inbox
 * without blocking, and its own daemon thread calls the handler, one message at a time
 * and in order. A publisher therefore never runs a handler, and a handler that blocks
 * only holds up its own consumer. The thread is woken in {@link #flush()}, once the
 * publisher has let go of the queue, so that no lock is held across the wake-up.
 */
final class FakeWorker implements FakeConsumer {

	private static final Logger logger = LoggerFactory.getLogger(FakeWorker.class);

	private static final FakeDelivery STOP = new FakeDelivery(new FakeQueue("stop"),
			new FakeMessage(new byte[0], null, null, Long.MAX_VALUE, false));

	/**
	 * How long an idle thread polls its inbox before it parks: a little longer than a
	 * fake call's round trip, so that a caller calling again finds it awake (waking a
	 * parked thread costs tens of microseconds on an idle machine), and short enough to
	 * cost little when no message comes. No spinning on a single CPU.
	 */
	private static final long SPIN_NANOS = (Runtime.getRuntime().availableProcessors() > 1)
			? TimeUnit.MICROSECONDS.toNanos(50) : 0;

	private final Queue<FakeDelivery> inbox = new ConcurrentLinkedQueue<>();

	private final DeliveryHandler handler;

	private final Thread thread;

	private volatile boolean running = true;

	// whether the thread is parked or about to park: a flush must then wake it
	private volatile boolean idle;

	/**
	 * Creates a worker; call {@link #start()} before consuming.
	 * @param name the queue it serves, for the thread name
	 * @param handler the handler, which settles each message itself
	 */
	FakeWorker(String name, DeliveryHandler handler) {
		this.handler = handler;
		this.thread = new Thread(this::run, "oslo4j-fake-" + name);
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	@Override
	public void push(FakeDelivery delivery) {
		this.inbox.offer(delivery);
	}

	@Override
	public void flush() {
		if (this.idle) {
			LockSupport.unpark(this.thread);
		}
	}

	/**
	 * Stops taking messages; call after cancelling this consumer on its queues. Messages
	 * not yet handed to the handler go back to the head of their queues; a handler call
	 * in progress finishes, then the thread ends.
	 */
	void stop() {
		this.running = false;
		List<FakeDelivery> undelivered = new ArrayList<>();
		for (FakeDelivery delivery = this.inbox.poll(); delivery != null; delivery = this.inbox.poll()) {
			undelivered.add(delivery);
		}
		for (int i = undelivered.size() - 1; i >= 0; i--) {
			undelivered.get(i).reject(true);
		}
		this.inbox.offer(STOP);
		LockSupport.unpark(this.thread);
	}

	boolean isRunning() {
		return this.running && this.thread.isAlive();
	}

	Thread thread() {
		return this.thread;
	}

	/**
	 * Waits for the thread to end, then interrupts it if it is still in a handler.
	 * @param timeoutNanos how long to wait
	 */
	void awaitTermination(long timeoutNanos) {
		if (this.thread == Thread.currentThread()) {
			return;
		}
		try {
			TimeUnit.NANOSECONDS.timedJoin(this.thread, Math.max(1, timeoutNanos));
			if (this.thread.isAlive()) {
				logger.warn("Interrupting {}: its handler did not return in time", this.thread.getName());
				this.thread.interrupt();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		while (true) {
			FakeDelivery delivery = take();
			if (delivery == null || delivery == STOP) {
				return;
			}
			if (!this.running) {
				delivery.reject(true);
			}
			else if (delivery.isExpired()) {
				logger.debug("Discarding expired message from {}", delivery.queue());
				delivery.ack();
			}
			else {
				handle(delivery);
			}
		}
	}

	/**
	 * Returns the next delivery, parking until there is one, or {@code null} once the
	 * thread is interrupted.
	 */
	private @Nullable FakeDelivery take() {
		while (!Thread.currentThread().isInterrupted()) {
			FakeDelivery delivery = this.inbox.poll();
			if (delivery == null) {
				delivery = spin();
			}
			if (delivery != null) {
				return delivery;
			}
			// announce the park before the last look: a flush after a push it misses
			// wakes it
			this.idle = true;
			delivery = this.inbox.poll();
			if (delivery == null) {
				LockSupport.park(this);
			}
			this.idle = false;
			if (delivery != null) {
				return delivery;
			}
		}
		return null;
	}

	private @Nullable FakeDelivery spin() {
		if (SPIN_NANOS <= 0) {
			return null;
		}
		long deadline = System.nanoTime() + SPIN_NANOS;
		do {
			for (int i = 0; i < 32; i++) {
				Thread.onSpinWait();
				FakeDelivery delivery = this.inbox.poll();
				if (delivery != null) {
					return delivery;
				}
			}
		}
		while (System.nanoTime() - deadline < 0);
		return null;
	}

	private void handle(FakeDelivery delivery) {
		try {
			this.handler.onMessage(delivery);
		}
		catch (Throwable ex) {
			logger.warn("Handler failed on a message from {}; rejecting it", delivery.queue(), ex);
			delivery.reject(false);
			if (ex instanceof VirtualMachineError error) {
				throw error;
			}
		}
	}

}
