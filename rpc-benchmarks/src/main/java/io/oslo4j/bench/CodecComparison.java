package io.oslo4j.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * Compares the codecs of two builds of rpc-core in one JVM: each build gets a class
 * loader of its own ({@link BuildClassLoader}) and runs the four codecs of a call
 * ({@link CallCodecs}) in alternating rounds (before, after; then after, before; …), so
 * both see the same machine, the same JIT and the same garbage collector within a round.
 * The result is the median of the per-round ratios with its interquartile range
 * ({@link RoundRatio}). On a shared machine separate runs of {@link CodecBenchmark} move
 * by 10–20% from one run to the next; this separates changes of a few percent. Give the
 * same build twice to see the spread of the method itself.
 * <p>
 * Run (the build before from a worktree of the older commit, compiled there):
 * {@code java -cp rpc-benchmarks/target/rpc-benchmarks.jar io.oslo4j.bench.CodecComparison
 * --before ../before/rpc-core/target/classes --after rpc-core/target/classes}; options:
 * {@code --payload SMALL|LARGE|both} (both), {@code --rounds N} (20),
 * {@code --round-millis N} (500), {@code --warmup N} (3 rounds each, not counted).
 */
public final class CodecComparison {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final Options options;

	private final BuildClassLoader before;

	private final BuildClassLoader after;

	private long sink;

	CodecComparison(Options options) {
		this.options = options;
		ClassLoader parent = CodecComparison.class.getClassLoader();
		this.before = new BuildClassLoader(options.before(), parent);
		this.after = new BuildClassLoader(options.after(), parent);
	}

	/**
	 * Runs the comparison and prints its table.
	 * @param args the options (see the class description)
	 */
	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		new CodecComparison(options).run();
	}

	private void run() {
		System.out.printf(Locale.ROOT,
				"The four codecs of a call, before (%s) and after (%s): %d rounds of %d ms each, alternating, "
						+ "after %d rounds of warm-up%n%n",
				this.before.classes(), this.after.classes(), this.options.rounds(), this.options.roundMillis(),
				this.options.warmup());
		System.out.println("| Payload | µs per call before | µs per call after | after / before [interquartile] "
				+ "| bytes per call before | bytes per call after |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		for (String payload : this.options.payloads()) {
			Result result = compare(payload);
			System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %s | %,d | %,d |%n", payload, result.beforeMicros(),
					result.afterMicros(), result.ratio(), result.beforeBytes(), result.afterBytes());
		}
		if (this.sink == 42) {
			System.out.println();
		}
	}

	/**
	 * Compares one payload's codecs.
	 * @param payload {@code SMALL} or {@code LARGE}
	 * @return the medians of each build and the ratio
	 */
	Result compare(String payload) {
		LongUnaryOperator first = workload(this.before, payload);
		LongUnaryOperator second = workload(this.after, payload);
		for (int i = 0; i < this.options.warmup(); i++) {
			round(first);
			round(second);
		}
		List<Double> ratios = new ArrayList<>();
		List<Double> beforeMicros = new ArrayList<>();
		List<Double> afterMicros = new ArrayList<>();
		long beforeBytes = 0;
		long afterBytes = 0;
		for (int i = 0; i < this.options.rounds(); i++) {
			double[] a;
			double[] b;
			if (i % 2 == 0) {
				a = round(first);
				b = round(second);
			}
			else {
				b = round(second);
				a = round(first);
			}
			ratios.add(b[0] / a[0]);
			beforeMicros.add(a[0]);
			afterMicros.add(b[0]);
			beforeBytes = (long) a[1];
			afterBytes = (long) b[1];
		}
		RoundRatio ratio = RoundRatio.ofRatios(ratios);
		if (ratio == null) {
			throw new IllegalStateException("No round measured both builds");
		}
		return new Result(median(beforeMicros), median(afterMicros), ratio, beforeBytes, afterBytes);
	}

	/** Runs a workload for one round: µs and bytes allocated per call. */
	private double[] round(LongUnaryOperator workload) {
		long thread = Thread.currentThread().getId();
		long roundNanos = this.options.roundMillis() * 1_000_000L;
		long allocated = THREADS.getThreadAllocatedBytes(thread);
		long start = System.nanoTime();
		long calls = 0;
		long elapsed;
		do {
			this.sink += workload.applyAsLong(16);
			calls += 16;
			elapsed = System.nanoTime() - start;
		}
		while (elapsed < roundNanos);
		allocated = THREADS.getThreadAllocatedBytes(thread) - allocated;
		return new double[] { elapsed / 1_000.0 / calls, (double) allocated / calls };
	}

	/**
	 * Makes a build's {@link CallCodecs}, defined by that build's loader.
	 * @param build the build's loader
	 * @param payload the payload's name
	 * @return the workload
	 */
	static LongUnaryOperator workload(BuildClassLoader build, String payload) {
		try {
			Class<?> type = Class.forName(CallCodecs.class.getName(), true, build);
			return (LongUnaryOperator) type.getConstructor(String.class).newInstance(payload);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw new IllegalStateException("Cannot run the codecs of " + build.classes()
					+ " (a build too old or too new for this benchmark's CallCodecs?): " + ex, ex);
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

	/**
	 * One payload's comparison.
	 *
	 * @param beforeMicros median µs per call of the build before
	 * @param afterMicros median µs per call of the build after
	 * @param ratio after / before, round by round
	 * @param beforeBytes bytes allocated per call before (last round)
	 * @param afterBytes bytes allocated per call after (last round)
	 */
	record Result(double beforeMicros, double afterMicros, RoundRatio ratio, long beforeBytes, long afterBytes) {
	}

	/**
	 * The command line.
	 *
	 * @param before the build before
	 * @param after the build after
	 * @param payloads the payloads compared
	 * @param rounds rounds counted
	 * @param roundMillis length of a round
	 * @param warmup rounds of warm-up for each build
	 */
	record Options(Path before, Path after, List<String> payloads, int rounds, long roundMillis, int warmup) {

		private static final String USAGE = "usage: CodecComparison --before <rpc-core classes or jar> "
				+ "--after <rpc-core classes or jar> [--payload SMALL|LARGE|both] [--rounds N] [--round-millis N] "
				+ "[--warmup N]";

		static Options parse(String... args) {
			Path before = null;
			Path after = null;
			List<String> payloads = List.of("SMALL", "LARGE");
			int rounds = 20;
			long roundMillis = 500;
			int warmup = 3;
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Option " + name + " needs a value; " + USAGE);
				}
				String value = args[++i];
				switch (name) {
					case "--before" -> before = Path.of(value);
					case "--after" -> after = Path.of(value);
					case "--payload" -> payloads = payloads(value);
					case "--rounds" -> rounds = positive(name, value);
					case "--round-millis" -> roundMillis = positive(name, value);
					case "--warmup" -> warmup = nonNegative(name, value);
					default -> throw new IllegalArgumentException("Unknown option " + name + "; " + USAGE);
				}
			}
			if (before == null || after == null) {
				throw new IllegalArgumentException("Both --before and --after are needed; " + USAGE);
			}
			return new Options(before, after, payloads, rounds, roundMillis, warmup);
		}

		private static List<String> payloads(String value) {
			if (value.equalsIgnoreCase("both")) {
				return List.of("SMALL", "LARGE");
			}
			String name = value.toUpperCase(Locale.ROOT);
			if (!name.equals("SMALL") && !name.equals("LARGE")) {
				throw new IllegalArgumentException(
						"--payload must be SMALL, LARGE or both, not '" + value + "'; " + USAGE);
			}
			return List.of(name);
		}

		private static int positive(String name, String value) {
			int number = nonNegative(name, value);
			if (number == 0) {
				throw new IllegalArgumentException(name + " must be at least 1, not 0");
			}
			return number;
		}

		private static int nonNegative(String name, String value) {
			try {
				int number = Integer.parseInt(value);
				if (number < 0) {
					throw new IllegalArgumentException(name + " must not be negative, not " + value);
				}
				return number;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'", ex);
			}
		}

	}

}
