package io.oslo4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Runs a scenario on a {@link CallSystem}: a warm-up, then timed rounds (see
 * {@link InterleavedRounds}).
 */
final class ScenarioRunner {

	private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

	private final BenchConfig config;

	private final Progress progress;

	ScenarioRunner(BenchConfig config, Progress progress) {
		this.config = config;
		this.progress = progress;
	}

	/**
	 * Warms a system up before its first scenario, so that the JIT has compiled its code
	 * paths (a short per-scenario warm-up on a busy machine otherwise measures the
	 * interpreter): 8 callers mixing small calls, casts and 64 KB calls for
	 * {@link BenchConfig#systemWarmup()}. A failure is logged; the scenarios still run.
	 * @param system the system
	 */
	void warmUp(CallSystem system) {
		if (this.config.systemWarmup().isZero()) {
			return;
		}
		this.progress.begin(system.id() + " / JIT warm-up");
		AtomicLong operations = new AtomicLong();
		try {
			threads(8, this.config.systemWarmup(), () -> {
				long n = operations.incrementAndGet();
				if (n % 20 == 0) {
					system.call(Payload.LARGE);
				}
				else if (n % 4 == 0) {
					system.cast(Payload.SMALL);
				}
				else {
					system.call(Payload.SMALL);
				}
			});
		}
		catch (Exception ex) {
			this.progress.log(system.id() + " / JIT warm-up failed: " + ex);
		}
	}

	/**
	 * Warms a system up for a scenario ({@link BenchConfig#warmup()}).
	 * @param system the system
	 * @param scenario the scenario
	 */
	void warmUp(CallSystem system, Scenario scenario) throws Exception {
		if (!this.config.warmup().isZero()) {
			this.progress.begin(system.id() + " / " + scenario.label() + " / warm-up");
			runOnce(system, scenario, this.config.warmup());
		}
	}

	/**
	 * Measures one round of a scenario ({@link BenchConfig#run()} long).
	 * @param system the system
	 * @param scenario the scenario
	 * @param round the round, from 1
	 * @return the round's figures
	 */
	Measurement round(CallSystem system, Scenario scenario, int round) throws Exception {
		this.progress.begin(system.id() + " / " + scenario.label() + " / round " + round + " of " + this.config.runs());
		return runOnce(system, scenario, this.config.run());
	}

	private Measurement runOnce(CallSystem system, Scenario scenario, Duration duration) throws Exception {
		return switch (scenario) {
			case ASYNC_1000 -> async(system, scenario, duration);
			case CAST -> threads(scenario.concurrency(), duration, () -> system.cast(scenario.payload()));
			case FANOUT -> fanout(system, scenario, duration);
			default -> threads(scenario.concurrency(), duration, () -> system.call(scenario.payload()));
		};
	}

	/** Each thread repeats the operation until the deadline. */
	private Measurement threads(int count, Duration duration, Operation operation) throws Exception {
		Latencies all = new Latencies();
		AtomicLong done = new AtomicLong();
		AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Thread thread = new Thread(() -> {
				Latencies latencies = new Latencies();
				try {
					long now = System.nanoTime();
					while (now < deadline && failure.get() == null) {
						operation.run();
						long end = System.nanoTime();
						latencies.add(end - now);
						done.incrementAndGet();
						this.progress.add(1);
						now = end;
					}
				}
				catch (Exception ex) {
					failure.compareAndSet(null, ex);
				}
				all.addAll(latencies);
			}, "bench-caller-" + i);
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long elapsed = System.nanoTime() - start;
		Exception failed = failure.get();
		if (failed != null) {
			throw failed;
		}
		return Measurement.of(done.get(), elapsed, all);
	}

	/** Keeps {@code concurrency} calls in flight until the deadline, then drains. */
	private Measurement async(CallSystem system, Scenario scenario, Duration duration) throws Exception {
		int inFlight = scenario.concurrency();
		Semaphore permits = new Semaphore(inFlight);
		Latencies latencies = new Latencies();
		AtomicLong done = new AtomicLong();
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		while (System.nanoTime() < deadline && failure.get() == null) {
			permits.acquire();
			long sent = System.nanoTime();
			system.callAsync(scenario.payload()).whenComplete((result, error) -> {
				if (error != null) {
					failure.compareAndSet(null, error);
				}
				else {
					latencies.addSynchronized(System.nanoTime() - sent);
					done.incrementAndGet();
					this.progress.add(1);
				}
				permits.release();
			});
		}
		if (!permits.tryAcquire(inFlight, DRAIN_TIMEOUT_NANOS, TimeUnit.NANOSECONDS)) {
			throw new IllegalStateException("async calls did not complete within 60 s");
		}
		long elapsed = System.nanoTime() - start;
		Throwable failed = failure.get();
		if (failed != null) {
			throw new IllegalStateException("async call failed: " + failed, failed);
		}
		return Measurement.of(done.get(), elapsed, latencies);
	}

	/**
	 * Senders fanout-cast until the deadline; the figure is the deliveries (three per
	 * cast) divided by the time until the last one arrived. Each server counts what it
	 * received (its own queue, or its reading of the shared stream in stream mode): more
	 * than three per cast would be duplicates, and fail the run.
	 */
	private Measurement fanout(CallSystem system, Scenario scenario, Duration duration) throws Exception {
		long before = system.fanoutDeliveries();
		long start = System.nanoTime();
		Measurement sent = threads(scenario.concurrency(), duration, () -> system.fanoutCast(scenario.payload()));
		long expected = sent.count() * Scenario.FANOUT_SERVERS;
		long delivered = system.fanoutDeliveries() - before;
		while (delivered < expected) {
			if (System.nanoTime() - start > DRAIN_TIMEOUT_NANOS) {
				throw new IllegalStateException("only " + delivered + " of " + expected + " fanout deliveries");
			}
			this.progress.set(delivered);
			Thread.sleep(5);
			delivered = system.fanoutDeliveries() - before;
		}
		long elapsed = System.nanoTime() - start;
		if (delivered > expected) {
			throw new IllegalStateException(delivered + " fanout deliveries for " + sent.count() + " casts to "
					+ Scenario.FANOUT_SERVERS + " servers: duplicates");
		}
		return Measurement.of(delivered, elapsed, null);
	}

	@FunctionalInterface
	interface Operation {

		void run() throws Exception;

	}

}
