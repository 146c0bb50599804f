package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Measures the systems driven from this JVM in interleaved rounds: all of them are open
 * at once, and each scenario runs as rounds in which every system gets one short run (A B
 * C, B C A, C A B, …: the order rotates so that no system always follows the same one).
 * On a shared machine whose load comes and goes, the systems of one round saw the same
 * machine, so their per-round ratios ({@link RoundRatio}) can be compared where figures
 * measured minutes apart cannot. Each system's figures are the medians over its rounds.
 */
final class InterleavedRounds {

	private final BenchConfig config;

	private final Progress progress;

	private final ScenarioRunner runner;

	InterleavedRounds(BenchConfig config, Progress progress) {
		this.config = config;
		this.progress = progress;
		this.runner = new ScenarioRunner(config, progress);
	}

	/**
	 * Opens the systems, measures every scenario in rounds, closes them.
	 * @param report where the figures go
	 * @param systems the system ids with their Python (or {@code null}), in order
	 */
	void run(Report report, Map<String, @Nullable Python> systems) {
		Map<String, CallSystem> open = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, @Nullable Python> entry : systems.entrySet()) {
				String id = entry.getKey();
				this.progress.begin(id + " / starting");
				try {
					CallSystem system = Systems.open(id, this.config.url(), entry.getValue());
					open.put(id, system);
					this.runner.warmUp(system);
				}
				catch (Exception ex) {
					fail(report, open, id, "failed: " + ex.getMessage(), ex);
				}
			}
			for (Scenario scenario : Scenario.values()) {
				measure(report, open, scenario);
			}
		}
		finally {
			open.values().forEach(InterleavedRounds::close);
		}
	}

	private void measure(Report report, Map<String, CallSystem> open, Scenario scenario) {
		Map<String, CallSystem> active = new LinkedHashMap<>();
		for (Map.Entry<String, CallSystem> entry : open.entrySet()) {
			String reason = !this.config.scenarios().contains(scenario) ? "not selected"
					: entry.getValue().unsupported(scenario);
			if (reason != null) {
				report.put(entry.getKey(), scenario, Measurement.na(reason));
			}
			else {
				active.put(entry.getKey(), entry.getValue());
			}
		}
		Map<String, List<Measurement>> rounds = new LinkedHashMap<>();
		for (Map.Entry<String, CallSystem> entry : new ArrayList<>(active.entrySet())) {
			try {
				this.runner.warmUp(entry.getValue(), scenario);
				rounds.put(entry.getKey(), new ArrayList<>());
			}
			catch (Exception ex) {
				failed(report, active, entry.getKey(), scenario, ex);
			}
		}
		for (int round = 1; round <= this.config.runs(); round++) {
			List<String> order = new ArrayList<>(active.keySet());
			if (!order.isEmpty()) {
				Collections.rotate(order, -(round - 1) % order.size());
			}
			for (String id : order) {
				try {
					rounds.get(id).add(this.runner.round(active.get(id), scenario, round));
				}
				catch (Exception ex) {
					failed(report, active, id, scenario, ex);
					rounds.remove(id);
				}
			}
		}
		rounds.forEach((id, measured) -> {
			Measurement median = Measurement.median(measured);
			report.put(id, scenario, median);
			report.rounds(id, scenario, measured);
			if (median.measured()) {
				this.progress.log(String.format("%s / %s: %,.0f %s, p50 %.3f ms, p99 %.3f ms", id, scenario.label(),
						median.throughput(), scenario.unit(), median.p50(), median.p99()));
			}
		});
	}

	private void failed(Report report, Map<String, CallSystem> active, String id, Scenario scenario, Exception ex) {
		this.progress.log(id + " / " + scenario.label() + " failed: " + ex);
		report.put(id, scenario, Measurement.na("failed: " + ex.getMessage()));
		active.remove(id);
	}

	private void fail(Report report, Map<String, CallSystem> open, String id, String note, Exception ex) {
		this.progress.log(id + " " + note + " (" + ex + ")");
		report.putAll(id, Measurement.na(note));
		CallSystem system = open.remove(id);
		if (system != null) {
			close(system);
		}
	}

	private static void close(CallSystem system) {
		try {
			system.close();
		}
		catch (RuntimeException ex) {
			// closing after the measurements: nothing left to report
		}
	}

}
