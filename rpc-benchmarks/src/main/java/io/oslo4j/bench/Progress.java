package io.oslo4j.bench;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows what runs: the system, scenario and phase, the elapsed time and the operations
 * done, on stderr every two seconds and at each change.
 */
final class Progress implements AutoCloseable {

	private final PrintStream out;

	private final long start = System.nanoTime();

	private final AtomicLong done = new AtomicLong();

	private final Thread ticker;

	private volatile String label = "starting";

	private volatile long phaseStart = System.nanoTime();

	Progress(PrintStream out) {
		this.out = out;
		this.ticker = new Thread(this::tick, "bench-progress");
		this.ticker.setDaemon(true);
		this.ticker.start();
	}

	/**
	 * Starts a phase and resets the operation count.
	 * @param label e.g. {@code oslo4j / 64 concurrent callers / run 2 of 3}
	 */
	void begin(String label) {
		this.label = label;
		this.done.set(0);
		this.phaseStart = System.nanoTime();
		print();
	}

	/**
	 * Changes the label without resetting the count (for progress reported by a
	 * subprocess).
	 * @param label the new label
	 */
	void relabel(String label) {
		if (!label.equals(this.label)) {
			this.label = label;
			this.phaseStart = System.nanoTime();
		}
	}

	void add(long operations) {
		this.done.addAndGet(operations);
	}

	void set(long operations) {
		this.done.set(operations);
	}

	void log(String message) {
		synchronized (this.out) {
			this.out.printf("[%6.1fs] %s%n", seconds(this.start), message);
		}
	}

	private void tick() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				return;
			}
			print();
		}
	}

	private void print() {
		log(String.format("%s: %,d done in %.1fs", this.label, this.done.get(), seconds(this.phaseStart)));
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	@Override
	public void close() {
		this.ticker.interrupt();
	}

}
