package io.oslo4j.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The oslo4j server endpoint; the Python server ({@code bench_server.py}) has the same
 * methods.
 */
public class BenchEndpoint {

	private final AtomicLong fanouts = new AtomicLong();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	/** Returns its argument. */
	public Object echo(Object data) {
		return data;
	}

	/** The target of casts: does nothing. */
	public void note(Object data) {
	}

	/** The target of fanout casts: counts them. */
	public void fan(Object data) {
		this.fanouts.incrementAndGet();
	}

	/** Returns the fanout casts received. */
	public long fancount() {
		return this.fanouts.get();
	}

	/** Returns its argument once the gate opens (for the outstanding calls check). */
	public Object hold(Object data) throws InterruptedException {
		this.gate.await(300, TimeUnit.SECONDS);
		return data;
	}

	void closeGate() {
		this.gate = new CountDownLatch(1);
	}

	void openGate() {
		this.gate.countDown();
	}

}
