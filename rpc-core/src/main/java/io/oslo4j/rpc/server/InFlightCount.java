package io.oslo4j.rpc.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A count of things a server has under way (replies waiting for their confirm, requests
 * running on consumer threads) that a graceful stop waits to reach zero. Counting costs
 * no lock; only a decrement to zero while someone waits takes one.
 */
final class InFlightCount {

	private final AtomicInteger count = new AtomicInteger();

	private final Object zero = new Object();

	private volatile boolean waiting;

	void increment() {
		this.count.incrementAndGet();
	}

	void decrement() {
		// the waiter sets waiting before it reads the count: one of the two sees the
		// other
		if (this.count.decrementAndGet() == 0 && this.waiting) {
			synchronized (this.zero) {
				this.zero.notifyAll();
			}
		}
	}

	int get() {
		return this.count.get();
	}

	/**
	 * Waits until the count is zero.
	 * @param timeoutNanos how long to wait
	 * @return whether it is zero
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean awaitZero(long timeoutNanos) throws InterruptedException {
		long deadline = System.nanoTime() + timeoutNanos;
		this.waiting = true;
		synchronized (this.zero) {
			while (this.count.get() > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.zero, left);
			}
		}
		return true;
	}

}
