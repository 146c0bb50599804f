package io.oslo4j.rpc.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What was recorded of one kind, in publishing order, and a bounded wait for a record
 * that matches.
 *
 * @param <T> the record type
 */
final class Recordings<T> {

	private final List<T> records = new ArrayList<>();

	synchronized void add(T record) {
		this.records.add(record);
		notifyAll();
	}

	synchronized List<T> all() {
		return List.copyOf(this.records);
	}

	synchronized void clear() {
		this.records.clear();
	}

	/**
	 * Returns the first record that matches, waiting for it up to the timeout.
	 * @param matches what to look for
	 * @param timeout how long to wait
	 * @param description what is awaited, for the failure message
	 * @return the record
	 * @throws AssertionError when none came in time, listing what was recorded
	 */
	synchronized T await(Predicate<T> matches, Duration timeout, String description) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			for (T record : this.records) {
				if (matches.test(record)) {
					return record;
				}
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				throw new AssertionError("Expected " + description + " within " + timeout.toMillis()
						+ " ms, but recorded " + ((this.records.isEmpty()) ? "none" : this.records));
			}
			try {
				TimeUnit.NANOSECONDS.timedWait(this, remaining);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for " + description, ex);
			}
		}
	}

}
