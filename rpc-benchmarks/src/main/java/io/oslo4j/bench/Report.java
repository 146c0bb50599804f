package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * The results: a markdown table (one row per scenario and figure, one column per system,
 * ratios to the bare amqp-client beside each figure), the targets, and the same as a
 * JSON-ready map.
 */
final class Report {

	private final BenchConfig config;

	private final Map<String, Map<Scenario, Measurement>> results = new LinkedHashMap<>();

	private final Map<String, Map<Scenario, List<Measurement>>> rounds = new LinkedHashMap<>();

	private MemoryProbe.@Nullable Result memory;

	private @Nullable String memoryNote;

	private double elapsedSeconds;

	Report(BenchConfig config) {
		this.config = config;
		// the columns in the order the systems were asked for, whichever is measured
		// first
		config.systems().forEach((system) -> this.results.put(system, new EnumMap<>(Scenario.class)));
	}

	BenchConfig config() {
		return this.config;
	}

	void put(String system, Scenario scenario, Measurement measurement) {
		this.results.computeIfAbsent(system, (key) -> new EnumMap<>(Scenario.class)).put(scenario, measurement);
	}

	void putAll(String system, Measurement measurement) {
		for (Scenario scenario : Scenario.values()) {
			put(system, scenario, measurement);
		}
	}

	/**
	 * Keeps a system's rounds of a scenario, for the per-round ratios.
	 * @param system the system
	 * @param scenario the scenario
	 * @param measured its rounds, in order
	 */
	void rounds(String system, Scenario scenario, List<Measurement> measured) {
		this.rounds.computeIfAbsent(system, (key) -> new EnumMap<>(Scenario.class))
			.put(scenario, List.copyOf(measured));
	}

	/**
	 * Returns the per-round ratio of a figure of one system to another's.
	 * @return the ratio, or {@code null} when the two were not measured in the same
	 * rounds
	 */
	@Nullable RoundRatio ratio(String system, String reference, Scenario scenario, ToDoubleFunction<Measurement> figure) {
		List<Measurement> a = this.rounds.getOrDefault(system, Map.of()).get(scenario);
		List<Measurement> b = this.rounds.getOrDefault(reference, Map.of()).get(scenario);
		return (a != null && b != null) ? RoundRatio.of(a, b, figure) : null;
	}

	@Nullable Measurement get(String system, Scenario scenario) {
		Map<Scenario, Measurement> bySystem = this.results.get(system);
		return (bySystem != null) ? bySystem.get(scenario) : null;
	}

	Set<String> systems() {
		return this.results.keySet();
	}

	MemoryProbe.@Nullable Result memory() {
		return this.memory;
	}

	void memory(MemoryProbe.@Nullable Result memory, @Nullable String note) {
		this.memory = memory;
		this.memoryNote = note;
	}

	void elapsedSeconds(double elapsedSeconds) {
		this.elapsedSeconds = elapsedSeconds;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append(
				String.format("## oslo4j RPC benchmark (%s run, %d cores, Java %s, %.0f s)%n%n", this.config.profile(),
						Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), this.elapsedSeconds));
		md.append("Median of ")
			.append(this.config.runs())
			.append(" interleaved rounds of ")
			.append(this.config.run().toMillis())
			.append(" ms per system (A B C, B C A, …) after ")
			.append(this.config.warmup().toMillis())
			.append(" ms of warm-up (each system first warmed up for ")
			.append(this.config.systemWarmup().toMillis())
			.append(" ms); in parentheses the ratio to the bare amqp-client: the median of the per-round ratios ")
			.append("and their interquartile range (Python clients run on their own: the ratio of the medians).\n\n");
		List<String> systems = new ArrayList<>(this.results.keySet());
		md.append("| Scenario | Figure |");
		systems.forEach((system) -> md.append(' ').append(Systems.label(system)).append(" |"));
		md.append("\n|---|---|");
		systems.forEach((system) -> md.append("---:|"));
		md.append('\n');
		Set<String> notes = new LinkedHashSet<>();
		for (Scenario scenario : Scenario.values()) {
			row(md, systems, scenario, scenario.unit(), Measurement::throughput, true, notes);
			if (scenario.isCall()) {
				row(md, systems, scenario, "p50 ms", Measurement::p50, false, notes);
				row(md, systems, scenario, "p99 ms", Measurement::p99, false, notes);
				if (scenario.concurrency() == 1) {
					row(md, systems, scenario, "p99.9 ms", Measurement::p999, false, notes);
				}
			}
		}
		if (!notes.isEmpty()) {
			md.append('\n');
			notes.forEach((note) -> md.append("- ").append(note).append('\n'));
		}
		md.append("\n| Target | Measured | Result |\n|---|---|---|\n");
		for (Targets.Target target : Targets.evaluate(this)) {
			md.append("| ")
				.append(target.name())
				.append(" | ")
				.append(target.measured())
				.append(" | ")
				.append(target.verdict())
				.append(" |\n");
		}
		if (this.memoryNote != null) {
			md.append("\nMemory checks: ").append(this.memoryNote).append('\n');
		}
		return md.toString();
	}

	private void row(StringBuilder md, List<String> systems, Scenario scenario, String figureName,
			ToDoubleFunction<Measurement> figure, boolean higherIsBetter, Set<String> notes) {
		md.append("| ").append(scenario.label()).append(" | ").append(figureName).append(" |");
		Measurement base = get(Systems.BASELINE, scenario);
		for (String system : systems) {
			Measurement measurement = get(system, scenario);
			md.append(' ');
			String note = (measurement != null) ? measurement.note() : null;
			if (measurement == null || note != null) {
				md.append("n/a");
				if (note != null && !note.endsWith("not selected")) {
					notes.add(Systems.label(system) + ", " + scenario.label() + ": " + note);
				}
			}
			else if (Double.isNaN(figure.applyAsDouble(measurement))) {
				md.append('–');
			}
			else {
				double value = figure.applyAsDouble(measurement);
				md.append(format(value, higherIsBetter));
				RoundRatio ratio = system.equals(Systems.BASELINE) ? null
						: ratio(system, Systems.BASELINE, scenario, figure);
				if (ratio != null) {
					md.append(" (").append(ratio).append(')');
				}
				else if (base != null && base.measured() && !system.equals(Systems.BASELINE)) {
					md.append(String.format(" (%.2f×)", value / figure.applyAsDouble(base)));
				}
			}
			md.append(" |");
		}
		md.append('\n');
	}

	static String format(double value, boolean throughput) {
		return throughput ? String.format("%,.0f", value) : String.format("%.3f", value);
	}

	Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("profile", this.config.profile());
		json.put("url", this.config.url().replaceAll("//[^@/]*@", "//"));
		json.put("cores", Runtime.getRuntime().availableProcessors());
		json.put("java", Runtime.version().toString());
		json.put("runs", this.config.runs());
		json.put("runMillis", this.config.run().toMillis());
		json.put("warmupMillis", this.config.warmup().toMillis());
		json.put("systemWarmupMillis", this.config.systemWarmup().toMillis());
		json.put("elapsedSeconds", Math.round(this.elapsedSeconds));
		Map<String, Object> systems = new LinkedHashMap<>();
		this.results.forEach((system, byScenario) -> {
			Map<String, Object> scenarios = new LinkedHashMap<>();
			byScenario.forEach((scenario, m) -> scenarios.put(scenario.id(), measurementJson(scenario, m)));
			systems.put(system, Map.of("label", Systems.label(system), "scenarios", scenarios));
		});
		json.put("systems", systems);
		if (this.memory != null) {
			json.put("memory",
					Map.of("calls", this.memory.calls(), "heapBeforeBytes", this.memory.before(), "heapAfterBytes",
							this.memory.after(), "growthBytes", this.memory.growth(), "outstandingCalls",
							this.memory.outstanding(), "outstandingHeldBytes", this.memory.held()));
		}
		List<Object> targets = new ArrayList<>();
		for (Targets.Target target : Targets.evaluate(this)) {
			targets.add(Map.of("target", target.name(), "measured", target.measured(), "result", target.verdict()));
		}
		json.put("targets", targets);
		return json;
	}

	private static Map<String, Object> measurementJson(Scenario scenario, Measurement m) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("unit", scenario.unit());
		String note = m.note();
		if (note != null) {
			json.put("note", note);
			return json;
		}
		json.put("throughput", m.throughput());
		putIfNumber(json, "p50Ms", m.p50());
		putIfNumber(json, "p99Ms", m.p99());
		putIfNumber(json, "p999Ms", m.p999());
		json.put("count", m.count());
		return json;
	}

	private static void putIfNumber(Map<String, Object> json, String key, double value) {
		if (!Double.isNaN(value)) {
			json.put(key, value);
		}
	}

}
