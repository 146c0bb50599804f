package io.oslo4j.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The four codecs of a call, without a broker: encoding and decoding the request and the
 * reply of the benchmark's calls, each in a loop on one thread. Prints, for each payload,
 * the median time and the bytes allocated per operation over several rounds. The messages
 * are those the call scenarios send (the same arguments, context and ids), so these
 * figures are the JSON work in each call of {@link BenchmarkMain}'s tables.
 * <p>
 * Run:
 * {@code java -cp rpc-benchmarks/target/rpc-benchmarks.jar io.oslo4j.bench.CodecBenchmark}
 */
public final class CodecBenchmark {

	private static final int ROUNDS = 7;

	private static final long ROUND_NANOS = 1_000_000_000L;

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private long sink;

	private CodecBenchmark() {
	}

	/**
	 * Runs the loops and prints the table.
	 * @param args none
	 */
	public static void main(String[] args) {
		new CodecBenchmark().run();
	}

	private void run() {
		System.out.println("| Payload | Operation | µs per operation | bytes allocated per operation |");
		System.out.println("|---|---|---:|---:|");
		for (Payload payload : Payload.values()) {
			CallCodecs call = new CallCodecs(payload.name());
			List<Operation> operations = List.of(
					new Operation("encode request", () -> call.codec.encodeRequest(call.request)),
					new Operation("decode request", () -> call.codec.decodeRequest(call.requestBody)),
					new Operation("encode reply", () -> call.codec.encodeReply(call.reply)),
					new Operation("decode reply", () -> call.codec.decodeReply(call.replyBody)));
			double total = 0;
			long totalBytes = 0;
			for (Operation operation : operations) {
				double[] figures = measure(operation.work());
				total += figures[0];
				totalBytes += (long) figures[1];
				System.out.printf("| %s | %s | %.1f | %,d |%n", label(payload), operation.name(), figures[0],
						(long) figures[1]);
			}
			System.out.printf("| %s | all four | %.1f | %,d |%n", label(payload), total, totalBytes);
		}
		if (this.sink == 42) {
			System.out.println();
		}
	}

	/** Returns the median µs and bytes allocated per operation over the rounds. */
	private double[] measure(Supplier<Object> work) {
		long thread = Thread.currentThread().getId();
		List<Double> micros = new ArrayList<>();
		List<Double> bytes = new ArrayList<>();
		for (int round = -2; round < ROUNDS; round++) {
			long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
			long start = System.nanoTime();
			long operations = 0;
			long elapsed;
			do {
				for (int i = 0; i < 64; i++) {
					this.sink += System.identityHashCode(work.get());
				}
				operations += 64;
				elapsed = System.nanoTime() - start;
			}
			while (elapsed < ROUND_NANOS);
			long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
			if (round >= 0) {
				// the first two rounds warm the JIT up
				micros.add(elapsed / 1_000.0 / operations);
				bytes.add((double) allocated / operations);
			}
		}
		return new double[] { median(micros), median(bytes) };
	}

	private static String label(Payload payload) {
		return (payload == Payload.LARGE) ? "64 KB string" : "small object";
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private record Operation(String name, Supplier<Object> work) {
	}

}
