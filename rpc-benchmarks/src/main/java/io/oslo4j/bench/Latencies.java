package io.oslo4j.bench;

import java.util.Arrays;

/**
 * Recorded latencies in nanoseconds; one per thread, merged at the end of a run
 * ({@link #addSynchronized} when callbacks record from several threads).
 */
final class Latencies {

	private long[] values = new long[1024];

	private int size;

	void add(long nanos) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = nanos;
	}

	synchronized void addSynchronized(long nanos) {
		add(nanos);
	}

	synchronized void addAll(Latencies other) {
		for (int i = 0; i < other.size; i++) {
			add(other.values[i]);
		}
	}

	int size() {
		return this.size;
	}

	/**
	 * Returns a percentile in milliseconds (nearest rank).
	 * @param percentile e.g. 99.9
	 * @return the latency in ms
	 */
	synchronized double percentileMillis(double percentile) {
		long[] sorted = Arrays.copyOf(this.values, this.size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
	}

}
