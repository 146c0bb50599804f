package io.oslo4j.rpc.security;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Samples the JVM's heap and thread count while a test runs (every 50 ms), and measures
 * the heap left after a full collection.
 */
final class ResourceProbe implements AutoCloseable {

	private final AtomicLong peakHeap = new AtomicLong();

	private final AtomicLong peakThreads = new AtomicLong();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "resource-probe");
		thread.setDaemon(true);
		return thread;
	});

	ResourceProbe() {
		this.sampler.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
	}

	private void sample() {
		this.peakHeap.accumulateAndGet(usedHeap(), Math::max);
		this.peakThreads.accumulateAndGet(threads(), Math::max);
	}

	long peakHeap() {
		return this.peakHeap.get();
	}

	long peakThreads() {
		return this.peakThreads.get();
	}

	static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	static long threads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	/**
	 * Returns the heap in use after full collections, once it stops shrinking: objects
	 * that finalization or reference processing releases need more than one collection.
	 */
	static long heapAfterGc() {
		AtomicLong last = new AtomicLong(Long.MAX_VALUE);
		await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(20)).until(() -> {
			System.gc();
			long used = usedHeap();
			return last.getAndSet(used) - used < 512 * 1024;
		});
		return last.get();
	}

	static String mib(long bytes) {
		return String.format("%.1f MiB", bytes / 1024.0 / 1024.0);
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

}
