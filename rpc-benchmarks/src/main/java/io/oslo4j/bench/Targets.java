package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * The targets of the benchmark, evaluated on a {@link Report}: a ratio between two
 * systems measured in the same rounds is judged on its per-round spread
 * ({@link RoundRatio}).
 */
final class Targets {

	/** Heap growth below this counts as none (GC noise). */
	static final long NO_GROWTH_BYTES = 4L * 1024 * 1024;

	static final long OUTSTANDING_LIMIT_BYTES = 64L * 1024 * 1024;

	private Targets() {
	}

	/**
	 * One target.
	 *
	 * @param name what is required
	 * @param measured the measured figure(s)
	 * @param verdict {@code PASS}, {@code MISS}, {@code WITHIN SPREAD} (the median meets
	 * it, the per-round spread does not) or {@code n/a}
	 */
	record Target(String name, String measured, String verdict) {

		static Target of(String name, String measured, @Nullable Boolean pass) {
			return new Target(name, measured, (pass == null) ? "n/a" : pass ? "PASS" : "MISS");
		}

	}

	static List<Target> evaluate(Report report) {
		List<Target> targets = new ArrayList<>();
		targets.add(ratio(report, "sequential call p50 ≤ 1.25× bare amqp-client", Scenario.SEQUENTIAL, Systems.OSLO4J,
				Systems.BARE, Measurement::p50, 1.25, false));
		targets.add(ratio(report, "64-caller throughput ≥ 0.8× bare amqp-client", Scenario.CONCURRENT_64,
				Systems.OSLO4J, Systems.BARE, Measurement::throughput, 0.8, true));
		targets.add(ratio(report, "cast throughput (confirms) ≥ 0.8× bare amqp-client", Scenario.CAST, Systems.OSLO4J,
				Systems.BARE, Measurement::throughput, 0.8, true));
		targets.add(ratio(report, "sequential throughput ≥ 4× Python", Scenario.SEQUENTIAL, Systems.OSLO4J,
				Systems.PYTHON, Measurement::throughput, 4, true));
		targets.add(ratio(report, "64-caller throughput ≥ 8× Python", Scenario.CONCURRENT_64, Systems.OSLO4J,
				Systems.PYTHON, Measurement::throughput, 8, true));
		for (Scenario scenario : Scenario.values()) {
			if (scenario.isCall()) {
				targets.add(ratio(report, scenario.label() + ": throughput ≥ Spring RabbitTemplate", scenario,
						Systems.OSLO4J, Systems.SPRING, Measurement::throughput, 1, true));
				targets.add(ratio(report,
						scenario.label() + ": throughput with Spring's guarantees ≥ Spring RabbitTemplate", scenario,
						Systems.OSLO4J_AS_SPRING, Systems.SPRING, Measurement::throughput, 1, true));
				targets.add(ratio(report, scenario.label() + ": throughput ≥ Spring RabbitTemplate, JSON converter",
						scenario, Systems.OSLO4J, Systems.SPRING_JSON, Measurement::throughput, 1, true));
				targets.add(ratio(report,
						scenario.label()
								+ ": throughput with Spring's guarantees ≥ Spring RabbitTemplate, JSON converter",
						scenario, Systems.OSLO4J_AS_SPRING, Systems.SPRING_JSON, Measurement::throughput, 1, true));
			}
		}
		Measurement fake = report.get(Systems.FAKE, Scenario.SEQUENTIAL);
		targets.add((fake == null || !fake.measured()) ? Target.of("fake:// ≥ 30,000 sequential calls/s", "n/a", null)
				: Target.of("fake:// ≥ 30,000 sequential calls/s", String.format("%,.0f calls/s", fake.throughput()),
						fake.throughput() >= 30_000));
		MemoryProbe.Result memory = report.memory();
		String outstanding = String.format("%,d outstanding async calls < 64 MB",
				(memory != null) ? memory.outstanding() : report.config().outstandingCalls());
		String growth = String.format("%,d calls: no heap growth (< 4 MB)",
				(memory != null) ? memory.calls() : report.config().memoryCalls());
		if (memory == null) {
			targets.add(Target.of(outstanding, "n/a", null));
			targets.add(Target.of(growth, "n/a", null));
		}
		else {
			targets.add(Target.of(outstanding, String.format("%.1f MB", MemoryProbe.mb(memory.held())),
					memory.held() < OUTSTANDING_LIMIT_BYTES));
			targets.add(Target.of(growth,
					String.format("%+.1f MB (%.1f → %.1f MB)", MemoryProbe.mb(memory.growth()),
							MemoryProbe.mb(memory.before()), MemoryProbe.mb(memory.after())),
					memory.growth() < NO_GROWTH_BYTES));
		}
		return targets;
	}

	private static Target ratio(Report report, String name, Scenario scenario, String system, String reference,
			ToDoubleFunction<Measurement> figure, double limit, boolean atLeast) {
		Measurement measured = report.get(system, scenario);
		Measurement base = report.get(reference, scenario);
		if (measured == null || base == null || !measured.measured() || !base.measured()) {
			return Target.of(name, "n/a", null);
		}
		double value = figure.applyAsDouble(measured);
		double baseValue = figure.applyAsDouble(base);
		String unit = atLeast ? scenario.unit() : "ms";
		RoundRatio rounds = report.ratio(system, reference, scenario, figure);
		if (rounds != null) {
			return new Target(name,
					String.format("%s over %d rounds (%s vs %s %s)", rounds, rounds.rounds(),
							Report.format(value, atLeast), Report.format(baseValue, atLeast), unit),
					rounds.verdict(limit, atLeast));
		}
		double ratio = value / baseValue;
		String text = String.format("%.2f× (%s vs %s %s)", ratio, Report.format(value, atLeast),
				Report.format(baseValue, atLeast), unit);
		return Target.of(name, text, atLeast ? ratio >= limit : ratio <= limit);
	}

}
