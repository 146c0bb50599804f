package io.oslo4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the benchmark program from rotting: a smoke run (a few hundred calls per system)
 * produces a table and a JSON file with every system. The host's Python systems are
 * included when the interpreter can import oslo_messaging, and must be under
 * {@code CI=true}; of the Debian 13 root's, {@code python18-oslo4j} is included under
 * {@code CI=true} ({@code .ci/run} builds the root first; the others would add ten
 * seconds each for what it shows: an 18.1 client's half-second reply polling against
 * oslo4j servers). Asserts nothing about speed.
 */
class BenchmarkSmokeTest {

	private static final String URL = System.getenv().getOrDefault("OSLO4J_TEST_RABBIT_URL", BenchConfig.DEFAULT_URL);

	/**
	 * Spring's {@code RabbitTemplate} (direct reply-to, in both Spring systems) loses a
	 * reply now and then under many callers, even with a channel per caller cached
	 * (README, Performance: one full run in two and one CI smoke run in about twenty on
	 * 2026-11-24), and its caller waits out the reply timeout. That is the compared
	 * library's failure, not the benchmark's or oslo4j's: it is reported, as the table
	 * reports it, and any other failure of any system still fails the test.
	 */
	private static boolean isSpringLostReply(String system, Measurement measurement) {
		boolean lost = (Systems.SPRING.equals(system) || Systems.SPRING_JSON.equals(system))
				&& "n/a: failed: no reply within the reply timeout".equals(measurement.note());
		if (lost) {
			System.err.println("[smoke] Spring's RabbitTemplate lost a reply (known, see README Performance)");
		}
		return lost;
	}

	@Test
	@Timeout(300)
	void smokeRunProducesATableAndJsonWithEverySystem(@TempDir Path dir) throws Exception {
		Path json = dir.resolve("results.json");
		boolean python = Python.find("/usr/bin/python3") != null;
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		if (ci) {
			assertThat(python).as("/usr/bin/python3 with oslo_messaging (required under CI)").isTrue();
		}
		List<String> systems = new ArrayList<>(Systems.ALL);
		systems.removeIf((id) -> Systems.inDebian13Root(id) && !(ci && Systems.PYTHON18_TO_OSLO4J.equals(id)));
		if (!python) {
			systems.removeIf((id) -> Systems.needsPython(id) && !Systems.inDebian13Root(id));
		}
		BenchConfig config = BenchConfig.parse("--smoke", "--url", URL, "--out", json.toString(), "--systems",
				String.join(",", systems));

		Report report = new BenchmarkMain(config, System.err).run();

		String table = report.markdown();
		assertThat(report.systems()).containsExactlyElementsOf(systems);
		for (String system : systems) {
			assertThat(table).contains(Systems.label(system));
			for (Scenario scenario : Scenario.values()) {
				Measurement measurement = report.get(system, scenario);
				assertThat(measurement).as(system + " " + scenario).isNotNull();
				if (!measurement.measured() && !isSpringLostReply(system, measurement)) {
					assertThat(measurement.note()).as(system + " " + scenario)
						.doesNotContain("failed")
						.startsWith("n/a");
				}
			}
		}
		assertThat(report.get(Systems.OSLO4J, Scenario.SEQUENTIAL).count()).isGreaterThan(0);
		assertThat(table).contains("| Target |").contains("sequential calls");
		// the systems driven from this JVM ran in the same rounds: ratios with their
		// spread
		assertThat(report.ratio(Systems.OSLO4J, Systems.BARE, Scenario.SEQUENTIAL, Measurement::throughput))
			.isNotNull();
		assertThat(table).containsPattern("\\([0-9.]+× \\[[0-9.]+–[0-9.]+\\]\\)");
		assertThat(report.memory()).isNotNull();
		String written = Files.readString(json);
		for (String system : systems) {
			assertThat(written).contains("\"" + system + "\"");
		}
		assertThat(written).contains("\"targets\"").contains("\"memory\"");
	}

}
