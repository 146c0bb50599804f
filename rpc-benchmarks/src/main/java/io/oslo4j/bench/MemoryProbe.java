package io.oslo4j.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.wire.MessageIds;

/**
 * The heap checks on oslo4j over RabbitMQ (client and servers in this JVM):
 * <ul>
 * <li>used heap after GC before and after N calls (made by 8 callers, each calling
 * sequentially): it must not grow;</li>
 * <li>used heap after GC with 10,000 async calls outstanding (the server holds them on a
 * latch) minus before.</li>
 * </ul>
 */
final class MemoryProbe {

	private static final int CALLERS = 8;

	private final BenchConfig config;

	private final Progress progress;

	MemoryProbe(BenchConfig config, Progress progress) {
		this.config = config;
		this.progress = progress;
	}

	/**
	 * The heap figures, in bytes.
	 *
	 * @param calls the calls between the two growth measurements
	 * @param before used heap after GC before them
	 * @param after used heap after GC after them
	 * @param outstanding the async calls held outstanding
	 * @param held the heap they held
	 */
	record Result(long calls, long before, long after, int outstanding, long held) {

		long growth() {
			return this.after - this.before;
		}

	}

	Result run() throws Exception {
		String topic = "bench_memory_" + MessageIds.next().substring(0, 8);
		Oslo4jServers servers = new Oslo4jServers(this.config.url(), topic);
		try (Oslo4jSystem system = Oslo4jSystem.forMemory(this.config.url(), topic, servers)) {
			this.progress.begin("memory / warm-up");
			calls(system, Math.max(1000, Math.min(20_000, this.config.memoryCalls() / 10)));
			long before = usedAfterGc();
			this.progress.begin("memory / " + String.format("%,d", this.config.memoryCalls()) + " calls");
			calls(system, this.config.memoryCalls());
			long after = usedAfterGc();
			this.progress.log(String.format("heap after GC: %.1f MB before, %.1f MB after %,d calls", mb(before),
					mb(after), this.config.memoryCalls()));
			long held = outstanding(system, servers.first(), this.config.outstandingCalls());
			return new Result(this.config.memoryCalls(), before, after, this.config.outstandingCalls(), held);
		}
	}

	private void calls(Oslo4jSystem system, long total) throws InterruptedException {
		AtomicLong remaining = new AtomicLong(total);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			Thread thread = new Thread(() -> {
				while (remaining.getAndDecrement() > 0) {
					system.call(Payload.SMALL);
					this.progress.add(1);
				}
			}, "bench-memory-" + i);
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
	}

	private long outstanding(Oslo4jSystem system, BenchEndpoint endpoint, int count) throws Exception {
		endpoint.closeGate();
		long base = usedAfterGc();
		this.progress.begin("memory / " + String.format("%,d", count) + " outstanding async calls");
		List<CompletableFuture<Object>> futures = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			futures.add(system.client().callAsync(RpcContext.empty(), "hold", Payload.SMALL.args(), Object.class));
			this.progress.add(1);
		}
		long held = usedAfterGc() - base;
		this.progress.log(String.format("heap held by %,d outstanding calls: %.1f MB", count, mb(held)));
		endpoint.openGate();
		this.progress.begin("memory / draining the outstanding calls");
		CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(5, TimeUnit.MINUTES);
		return held;
	}

	static long usedAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	static double mb(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

}
