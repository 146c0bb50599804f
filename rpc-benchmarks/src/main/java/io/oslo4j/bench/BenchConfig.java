package io.oslo4j.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to run and for how long.
 *
 * @param url the broker URL
 * @param profile {@code full}, {@code quick} or {@code smoke}
 * @param warmup the warm-up before each scenario (none when zero, as in the smoke run)
 * @param systemWarmup the warm-up of each system before its first scenario (mixed calls
 * and casts, so that the JIT has compiled its code paths)
 * @param run the length of one system's run in a round
 * @param runs the interleaved rounds per scenario (the medians are reported)
 * @param memoryCalls the sequential calls of the heap growth check
 * @param outstandingCalls the async calls held outstanding by the heap check
 * @param output the JSON result file
 * @param python the host's Python interpreter with oslo.messaging
 * @param debian13Root the Debian 13 root with oslo.messaging 16.1 and 18.1 (see
 * {@link Debian13Root})
 * @param systems the systems to run (ids from {@link Systems})
 * @param memory whether to run the memory checks
 * @param scenarios the scenarios to run
 */
record BenchConfig(String url, String profile, Duration warmup, Duration systemWarmup, Duration run, int runs,
		long memoryCalls, int outstandingCalls, Path output, String python, Path debian13Root, Set<String> systems,
		boolean memory, Set<Scenario> scenarios) {

	static final String DEFAULT_URL = "rabbit://guest:guest@127.0.0.1:5672/";

	static BenchConfig parse(String... args) {
		String url = DEFAULT_URL;
		String profile = "full";
		Path output = Path.of("rpc-benchmarks-results.json");
		String python = "/usr/bin/python3";
		Path debian13Root = Debian13Root.defaultLocation();
		Set<String> systems = new LinkedHashSet<>(Systems.ALL);
		boolean memory = true;
		Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--url" -> url = value(args, ++i);
				case "--quick" -> profile = "quick";
				case "--smoke" -> profile = "smoke";
				case "--out" -> output = Path.of(value(args, ++i));
				case "--python" -> python = value(args, ++i);
				case "--debian13-root" -> debian13Root = Path.of(value(args, ++i));
				case "--systems" -> systems = new LinkedHashSet<>(List.of(value(args, ++i).split(",")));
				case "--no-memory" -> memory = false;
				case "--scenarios" -> scenarios = scenarios(value(args, ++i));
				case "--help", "-h" -> throw new IllegalArgumentException(usage());
				default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + usage());
			}
		}
		for (String system : systems) {
			if (!Systems.ALL.contains(system)) {
				throw new IllegalArgumentException("Unknown system '" + system + "' in --systems\n" + usage());
			}
		}
		return switch (profile) {
			case "quick" ->
				new BenchConfig(url, profile, Duration.ofMillis(400), Duration.ofSeconds(3), Duration.ofMillis(400), 5,
						50_000, 10_000, output, python, debian13Root, systems, memory, scenarios);
			case "smoke" -> new BenchConfig(url, profile, Duration.ZERO, Duration.ZERO, Duration.ofMillis(250), 1, 300,
					200, output, python, debian13Root, systems, memory, scenarios);
			default ->
				new BenchConfig(url, profile, Duration.ofMillis(1500), Duration.ofSeconds(8), Duration.ofMillis(1500),
						7, 1_000_000, 10_000, output, python, debian13Root, systems, memory, scenarios);
		};
	}

	private static String value(String[] args, int i) {
		if (i >= args.length || args[i].isBlank() || args[i].startsWith("--")) {
			throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + usage());
		}
		return args[i];
	}

	private static Set<Scenario> scenarios(String list) {
		Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
		for (String id : list.split(",")) {
			scenarios.add(Arrays.stream(Scenario.values())
				.filter((scenario) -> scenario.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown scenario " + id + "\n" + usage())));
		}
		return scenarios;
	}

	static String usage() {
		return """
				Usage: java -jar rpc-benchmarks/target/rpc-benchmarks.jar [options]
				  --url URL        broker (default rabbit://guest:guest@127.0.0.1:5672/)
				  --quick          short runs (~4 minutes)
				  --smoke          a few hundred calls per system (what the smoke test runs)
				  --out FILE       JSON results (default rpc-benchmarks-results.json)
				  --python PATH    Python with oslo.messaging (default /usr/bin/python3)
				  --debian13-root PATH
				                   root with oslo.messaging 16.1 and 18.1 for python16, python18,
				                   python18-oslo4j (default $%s or %s; built by .ci/debian13-root)
				  --systems LIST   comma-separated subset of %s
				  --scenarios LIST comma-separated subset of %s
				  --no-memory      skip the heap checks
				""".formatted(Debian13Root.ENVIRONMENT, Debian13Root.DEFAULT_LOCATION, String.join(",", Systems.ALL),
				String.join(",", Arrays.stream(Scenario.values()).map(Scenario::id).toList()));
	}

}
