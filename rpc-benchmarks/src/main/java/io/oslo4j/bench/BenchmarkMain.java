package io.oslo4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every system through every scenario (those driven from this JVM in interleaved
 * rounds, see {@link InterleavedRounds}; the Python clients each on their own), then the
 * heap checks, and prints a markdown table (stdout) and writes a JSON file. Progress goes
 * to stderr. See {@code rpc-benchmarks/README.md}.
 */
public final class BenchmarkMain {

	private final BenchConfig config;

	private final Progress progress;

	BenchmarkMain(BenchConfig config, PrintStream log) {
		this.config = config;
		this.progress = new Progress(log);
	}

	public static void main(String[] args) throws IOException {
		BenchConfig config;
		try {
			config = BenchConfig.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Report report = new BenchmarkMain(config, System.err).run();
		System.out.println(report.markdown());
		System.err.println("Results written to " + config.output().toAbsolutePath());
		System.exit(0);
	}

	/**
	 * Runs the benchmark and writes the JSON file.
	 * @return the report
	 */
	Report run() throws IOException {
		long start = System.nanoTime();
		Report report = new Report(this.config);
		this.progress.log("oslo4j benchmark, " + this.config.profile() + " run against " + this.config.url());
		PythonRuntimes pythons = new PythonRuntimes(this.config);
		Map<String, @Nullable Python> inJvm = new LinkedHashMap<>();
		for (String id : this.config.systems()) {
			String unavailable = Systems.unavailable(id);
			if (unavailable != null) {
				report.putAll(id, Measurement.na(unavailable));
				continue;
			}
			Python python = null;
			if (Systems.needsPython(id)) {
				try {
					python = pythons.forSystem(id);
				}
				catch (IllegalStateException ex) {
					this.progress.log(id + " failed: " + ex.getMessage());
					report.putAll(id, Measurement.na("failed: " + ex.getMessage()));
					continue;
				}
				if (python == null) {
					report.putAll(id, Measurement.na(this.config.python() + " cannot import oslo_messaging"));
					continue;
				}
			}
			if (python != null && Systems.pythonClient(id)) {
				runPython(report, id, python);
			}
			else {
				inJvm.put(id, python);
			}
		}
		new InterleavedRounds(this.config, this.progress).run(report, inJvm);
		if (this.config.memory()) {
			try {
				report.memory(new MemoryProbe(this.config, this.progress).run(), null);
			}
			catch (Exception ex) {
				this.progress.log("memory checks failed: " + ex);
				report.memory(null, "failed: " + ex);
			}
		}
		else {
			report.memory(null, "skipped (--no-memory)");
		}
		report.elapsedSeconds((System.nanoTime() - start) / 1e9);
		this.progress.close();
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(this.config.output(), json.writeValueAsString(report.json()));
		return report;
	}

	private void runPython(Report report, String id, Python python) {
		try {
			this.progress.log(id + ": " + python.name());
			Map<Scenario, Measurement> results = new PythonClientRun(this.config, this.progress).run(id, python);
			for (Scenario scenario : Scenario.values()) {
				Measurement measurement = results.getOrDefault(scenario, Measurement.na("no result"));
				report.put(id, scenario, measurement);
				logResult(id, scenario, measurement);
			}
		}
		catch (Exception ex) {
			this.progress.log(id + " failed: " + ex);
			report.putAll(id, Measurement.na("failed: " + ex.getMessage()));
		}
	}

	private void logResult(String id, Scenario scenario, Measurement m) {
		if (m.measured()) {
			this.progress.log(String.format("%s / %s: %,.0f %s, p50 %.3f ms, p99 %.3f ms", id, scenario.label(),
					m.throughput(), scenario.unit(), m.p50(), m.p99()));
		}
		else {
			this.progress.log(id + " / " + scenario.label() + ": " + m.note());
		}
	}

}
