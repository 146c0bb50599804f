package io.oslo4j.rpc.transport.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.transport.MessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery thread of one consumer (a listener's three queues, or a reply queue):
 * queues push into its inbox without blocking, and its own daemon thread calls the
 * handler, one message at a time and in order. A publisher therefore never runs a
 * handler, and a handler that blocks only holds up its own consumer.
 */
final class FakeWorker implements FakeConsumer {

	private static final Logger logger = LoggerFactory.getLogger(FakeWorker.class);

	private static final FakeDelivery STOP = new FakeDelivery(new FakeQueue("stop"),
			new FakeMessage(new byte[0], null, null, Long.MAX_VALUE, false));

	private final BlockingDeque<FakeDelivery> inbox = new LinkedBlockingDeque<>();

	private final MessageHandler handler;

	private final boolean autoAck;

	private final Thread thread;

	private volatile boolean running = true;

	/**
	 * Creates a worker; call {@link #start()} before consuming.
	 * @param name the queue it serves, for the thread name
	 * @param handler the handler
	 * @param autoAck whether to acknowledge each message when the handler returns
	 */
	FakeWorker(String name, MessageHandler handler, boolean autoAck) {
		this.handler = handler;
		this.autoAck = autoAck;
		this.thread = new Thread(this::run, "oslo4j-fake-" + name);
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	@Override
	public void push(FakeDelivery delivery) {
		this.inbox.offerLast(delivery);
	}

	/**
	 * Stops taking messages; call after cancelling this consumer on its queues. Messages
	 * not yet handed to the handler go back to the head of their queues; a handler call
	 * in progress finishes, then the thread ends.
	 */
	void stop() {
		this.running = false;
		List<FakeDelivery> undelivered = new ArrayList<>();
		this.inbox.drainTo(undelivered);
		for (int i = undelivered.size() - 1; i >= 0; i--) {
			undelivered.get(i).reject(true);
		}
		this.inbox.offerLast(STOP);
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
		try {
			while (true) {
				FakeDelivery delivery = this.inbox.takeFirst();
				if (delivery == STOP) {
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
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void handle(FakeDelivery delivery) {
		try {
			this.handler.onMessage(delivery);
			if (this.autoAck) {
				delivery.ack();
			}
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
