package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.wire.MessageIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A system whose client is the Python oslo.messaging client, which measures itself: the
 * Python servers or oslo4j servers in this JVM are started on a fresh topic, then
 * {@code bench_client.py} runs every scenario it can.
 */
final class PythonClientRun {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BenchConfig config;

	private final Progress progress;

	PythonClientRun(BenchConfig config, Progress progress) {
		this.config = config;
		this.progress = progress;
	}

	/**
	 * Runs the Python client against three servers: oslo4j's when the system says so
	 * ({@link Systems#oslo4jServers(String)}), else Python's with the same interpreter.
	 * @param id the system id
	 * @param python the Python of the client (and of the Python servers)
	 * @return the median of each scenario
	 */
	Map<Scenario, Measurement> run(String id, Python python) throws Exception {
		String topic = "bench_" + id.replace('-', '_') + "_" + MessageIds.next().substring(0, 8);
		List<String> queues = new ArrayList<>(Oslo4jServers.queues(topic));
		Map<Scenario, Measurement> results = new EnumMap<>(Scenario.class);
		this.progress.begin(id + " / starting the servers");
		try (AutoCloseable servers = Systems.oslo4jServers(id) ? new Oslo4jServers(this.config.url(), topic)
				: new PythonServers(python, this.config.url(), topic)) {
			List<String> scenarios = new ArrayList<>();
			for (Scenario scenario : Scenario.values()) {
				if (scenario == Scenario.ASYNC_1000) {
					results.put(scenario, Measurement.na("oslo.messaging has no async call API"));
				}
				else if (!this.config.scenarios().contains(scenario)) {
					results.put(scenario, Measurement.na("not selected"));
				}
				else {
					scenarios.add(scenario.id());
				}
			}
			String output = python.runClient(
					List.of("--url", this.config.url(), "--topic", topic, "--scenarios", String.join(",", scenarios),
							"--warmup", seconds(this.config.warmup().toMillis()), "--run",
							seconds(this.config.run().toMillis()), "--runs", String.valueOf(this.config.runs())),
					(line) -> onStderr(id, line));
			JsonNode root = JSON.readTree(output);
			if (root.hasNonNull("reply_q")) {
				queues.add(root.get("reply_q").asString());
			}
			for (Scenario scenario : Scenario.values()) {
				JsonNode runs = root.path("results").path(scenario.id());
				if (runs.isArray()) {
					results.put(scenario, parse(runs));
				}
			}
		}
		finally {
			Broker.delete(this.config.url(), queues, List.of(topic + "_fanout"));
		}
		return results;
	}

	private void onStderr(String id, String line) {
		if (line.startsWith("PROGRESS ")) {
			String[] parts = line.split(" ");
			String label = id + " / " + parts[1];
			this.progress.set(Long.parseLong(parts[2]));
			this.progress.relabel(label);
		}
		else if (!line.isBlank()) {
			this.progress.log(id + " (python): " + line);
		}
	}

	private static Measurement parse(JsonNode runs) {
		List<Measurement> measurements = new ArrayList<>();
		for (JsonNode run : runs) {
			if (run.hasNonNull("error")) {
				return Measurement.na("failed: " + run.get("error").asString());
			}
			measurements.add(new Measurement(number(run, "throughput"), number(run, "p50"), number(run, "p99"),
					number(run, "p999"), run.path("count").asLong(), null));
		}
		return Measurement.median(measurements);
	}

	private static double number(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asDouble() : Double.NaN;
	}

	private static String seconds(long millis) {
		return String.valueOf(millis / 1000.0);
	}

}
