package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * The result of one scenario on one system: throughput and latencies (milliseconds,
 * {@code NaN} when not measured), or why it was not measured.
 *
 * @param throughput operations per second
 * @param p50 median latency in ms
 * @param p99 99th percentile in ms
 * @param p999 99.9th percentile in ms
 * @param count operations measured (summed over the runs)
 * @param note why there is no figure ({@code n/a: ...}), or {@code null}
 */
record Measurement(double throughput, double p50, double p99, double p999, long count, @Nullable String note) {

	static Measurement of(long count, long elapsedNanos, @Nullable Latencies latencies) {
		double throughput = count * 1e9 / Math.max(1, elapsedNanos);
		if (latencies == null || latencies.size() == 0) {
			return new Measurement(throughput, Double.NaN, Double.NaN, Double.NaN, count, null);
		}
		return new Measurement(throughput, latencies.percentileMillis(50), latencies.percentileMillis(99),
				latencies.percentileMillis(99.9), count, null);
	}

	static Measurement na(String reason) {
		return new Measurement(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "n/a: " + reason);
	}

	boolean measured() {
		return this.note == null;
	}

	/**
	 * Returns the median of each figure over the runs.
	 * @param runs the runs
	 * @return the median run
	 */
	static Measurement median(List<Measurement> runs) {
		List<Measurement> measured = new ArrayList<>(runs.stream().filter(Measurement::measured).toList());
		if (measured.isEmpty()) {
			return runs.isEmpty() ? na("no run") : runs.get(0);
		}
		long count = measured.stream().mapToLong(Measurement::count).sum();
		return new Measurement(median(measured, Measurement::throughput), median(measured, Measurement::p50),
				median(measured, Measurement::p99), median(measured, Measurement::p999), count, null);
	}

	private static double median(List<Measurement> runs, ToDoubleFunction<Measurement> figure) {
		double[] values = runs.stream().mapToDouble(figure).toArray();
		Arrays.sort(values);
		return values[values.length / 2];
	}

}
