package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * The ratio of one system's figure to another's, taken round by round: systems measured
 * in interleaved rounds (A B C, A B C, …) saw the same machine within a round, so the
 * median of the per-round ratios survives load that comes and goes, where the ratio of
 * two medians measured minutes apart does not. The spread is the interquartile range of
 * the per-round ratios.
 *
 * @param median the median of the per-round ratios
 * @param low the lower quartile
 * @param high the upper quartile
 * @param rounds how many rounds measured both systems
 */
record RoundRatio(double median, double low, double high, int rounds) {

	/**
	 * Returns the per-round ratio of two systems.
	 * @param system the measured system's rounds
	 * @param reference the reference system's rounds (the same number, in the same order)
	 * @param figure the figure compared
	 * @return the ratio, or {@code null} when no round measured both
	 */
	static @Nullable RoundRatio of(List<Measurement> system, List<Measurement> reference,
			ToDoubleFunction<Measurement> figure) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < Math.min(system.size(), reference.size()); i++) {
			Measurement a = system.get(i);
			Measurement b = reference.get(i);
			if (a.measured() && b.measured()) {
				ratios.add(figure.applyAsDouble(a) / figure.applyAsDouble(b));
			}
		}
		return ofRatios(ratios);
	}

	/**
	 * Returns the median and interquartile range of per-round ratios taken elsewhere.
	 * @param ratios the ratios, one per round (finite ones only are kept)
	 * @return the ratio, or {@code null} when there is none
	 */
	static @Nullable RoundRatio ofRatios(List<Double> ratios) {
		List<Double> sorted = new ArrayList<>();
		for (double ratio : ratios) {
			if (!Double.isNaN(ratio) && !Double.isInfinite(ratio)) {
				sorted.add(ratio);
			}
		}
		if (sorted.isEmpty()) {
			return null;
		}
		Collections.sort(sorted);
		return new RoundRatio(quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75), sorted.size());
	}

	/** Linear interpolation between the closest ranks. */
	private static double quantile(List<Double> sorted, double q) {
		double position = q * (sorted.size() - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
	}

	/**
	 * Judges a limit: met when the whole interquartile range meets it, missed when the
	 * median does not, and within the spread otherwise (the machine's noise does not
	 * allow a verdict).
	 * @param limit the limit
	 * @param atLeast whether the ratio must be at least the limit (else at most)
	 * @return {@code PASS}, {@code MISS} or {@code WITHIN SPREAD}
	 */
	String verdict(double limit, boolean atLeast) {
		boolean medianMeets = atLeast ? this.median >= limit : this.median <= limit;
		boolean spreadMeets = atLeast ? this.low >= limit : this.high <= limit;
		return !medianMeets ? "MISS" : spreadMeets ? "PASS" : "WITHIN SPREAD";
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%.2f× [%.2f–%.2f]", this.median, this.low, this.high);
	}

}
