package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.oslo4j.rpc.RpcConnectionLostException;
import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.client.RpcTemplate;

/**
 * Mixed load for the fault tests: threads that call {@code add} and check the result, and
 * threads that cast {@code record(id)} with ids numbered in order, each cast paced. It
 * records what happened to every call and cast: a call returns its result, fails with a
 * clear exception ({@link RpcTimeoutException}, {@link RpcDeliveryException}) or
 * something else (an unexpected failure), and is late when it took longer than its
 * timeout plus one second; a cast is confirmed (its publish returned) or failed.
 */
final class MixedLoad {

	private static final Duration GRACE = Duration.ofSeconds(1);

	private final RpcTemplate calls;

	private final RpcTemplate casts;

	private final String prefix;

	private final long timeoutNanos;

	private final long castPauseNanos;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	final AtomicLong callsOk = new AtomicLong();

	final AtomicLong callsFailed = new AtomicLong();

	final AtomicLong callsLate = new AtomicLong();

	final AtomicLong wrongResults = new AtomicLong();

	final AtomicLong maxCallNanos = new AtomicLong();

	final AtomicLong hung = new AtomicLong();

	final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

	/** The last message of each kind of failure, with its causes. */
	final Map<String, String> lastFailure = new ConcurrentHashMap<>();

	final Queue<Long> successes = new ConcurrentLinkedQueue<>();

	final Set<String> castsConfirmed = ConcurrentHashMap.newKeySet();

	final Set<String> castsFailed = ConcurrentHashMap.newKeySet();

	private final AtomicLong castSequence = new AtomicLong();

	/**
	 * Makes the load.
	 * @param calls the client for calls, with its timeout
	 * @param casts the client for casts
	 * @param prefix prefix of the cast ids
	 * @param castsPerSecondPerThread pace of each cast thread
	 */
	MixedLoad(RpcTemplate calls, RpcTemplate casts, String prefix, int castsPerSecondPerThread) {
		this.calls = calls;
		this.casts = casts;
		this.prefix = prefix;
		this.timeoutNanos = calls.options().timeout().toNanos();
		this.castPauseNanos = TimeUnit.SECONDS.toNanos(1) / castsPerSecondPerThread;
	}

	/**
	 * Starts the threads.
	 * @param callThreads how many threads call
	 * @param castThreads how many threads cast
	 * @return this load
	 */
	MixedLoad start(int callThreads, int castThreads) {
		this.running = true;
		for (int i = 0; i < callThreads; i++) {
			int base = i * 1_000_000;
			this.threads.add(daemon("load-call-" + i, () -> callLoop(base)));
		}
		for (int i = 0; i < castThreads; i++) {
			this.threads.add(daemon("load-cast-" + i, this::castLoop));
		}
		return this;
	}

	/**
	 * Starts a daemon thread.
	 * @param name its name
	 * @param task what it runs
	 * @return the started thread
	 */
	static Thread daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/**
	 * Stops the threads and waits for each up to the call timeout plus two seconds; a
	 * thread still busy then is counted as hung (a call that never returned).
	 * @throws InterruptedException when interrupted
	 */
	void stop() throws InterruptedException {
		this.running = false;
		long deadline = System.nanoTime() + this.timeoutNanos + TimeUnit.SECONDS.toNanos(2);
		for (Thread thread : this.threads) {
			thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			if (thread.isAlive()) {
				this.hung.incrementAndGet();
				thread.interrupt();
			}
		}
		this.threads.clear();
	}

	/**
	 * Returns the completion time of the first successful call after a moment.
	 * @param nanos the moment ({@link System#nanoTime()})
	 * @return the completion time, or {@code -1} when none succeeded since
	 */
	long firstSuccessAfter(long nanos) {
		return this.successes.stream().mapToLong(Long::longValue).filter((t) -> t >= nanos).min().orElse(-1);
	}

	/**
	 * Returns the longest time without a successful call from a moment to the last
	 * success: how long traffic stopped.
	 * @param nanos the moment ({@link System#nanoTime()})
	 * @return the longest gap in nanoseconds
	 */
	long longestGapAfter(long nanos) {
		long previous = nanos;
		long gap = 0;
		for (long time : this.successes.stream()
			.mapToLong(Long::longValue)
			.filter((t) -> t >= nanos)
			.sorted()
			.toArray()) {
			gap = Math.max(gap, time - previous);
			previous = time;
		}
		return gap;
	}

	/** Returns the calls that took longer than their timeout plus a second, or hung. */
	long callsLost() {
		return this.callsLate.get() + this.hung.get();
	}

	/**
	 * Returns the failures other than timeouts and delivery failures (a lost connection
	 * included), by class.
	 */
	Map<String, Long> unexpectedFailures() {
		Map<String, Long> unexpected = new java.util.TreeMap<>();
		this.failures.forEach((type, count) -> {
			if (!type.equals(RpcTimeoutException.class.getSimpleName())
					&& !type.equals(RpcDeliveryException.class.getSimpleName())
					&& !type.equals(RpcConnectionLostException.class.getSimpleName())) {
				unexpected.put(type, count.get());
			}
		});
		return unexpected;
	}

	private void callLoop(int base) {
		int n = base;
		while (this.running) {
			n++;
			long start = System.nanoTime();
			try {
				Integer result = this.calls.call(RpcContext.empty(), "add", Map.of("a", n, "b", 1), Integer.class);
				long end = System.nanoTime();
				record(start, end);
				if (result == null || result != n + 1) {
					this.wrongResults.incrementAndGet();
				}
				else {
					this.callsOk.incrementAndGet();
					this.successes.add(end);
				}
			}
			catch (RuntimeException ex) {
				record(start, System.nanoTime());
				this.callsFailed.incrementAndGet();
				this.failures.computeIfAbsent(ex.getClass().getSimpleName(), (key) -> new AtomicLong())
					.incrementAndGet();
				this.lastFailure.put(ex.getClass().getSimpleName(), describe(ex));
				if (!(ex instanceof RpcTimeoutException)) {
					// a broker that is down refuses at once: do not spin
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
				}
			}
		}
	}

	private void record(long start, long end) {
		long elapsed = end - start;
		this.maxCallNanos.accumulateAndGet(elapsed, Math::max);
		if (elapsed > this.timeoutNanos + GRACE.toNanos()) {
			this.callsLate.incrementAndGet();
		}
	}

	private void castLoop() {
		while (this.running) {
			String id = this.prefix + "-" + this.castSequence.incrementAndGet();
			try {
				this.casts.cast(RpcContext.empty(), "record", Map.of("id", id));
				this.castsConfirmed.add(id);
			}
			catch (RpcDeliveryException ex) {
				this.castsFailed.add(id);
				this.lastFailure.put("cast " + ex.getClass().getSimpleName(), describe(ex));
			}
			catch (RuntimeException ex) {
				this.castsFailed.add(id);
				this.failures.computeIfAbsent("cast " + ex.getClass().getSimpleName(), (key) -> new AtomicLong())
					.incrementAndGet();
			}
			LockSupport.parkNanos(this.castPauseNanos);
		}
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder(String.valueOf(ex));
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			text.append(" <- ").append(cause);
		}
		return text.toString();
	}

	/**
	 * Returns the call figures: ok, failed (by kind), lost, slowest.
	 * @return a one-line summary
	 */
	String callFigures() {
		return String.format(
				"calls ok %d / failed %d %s / lost %d (late %d, hung %d), wrong results %d, slowest %.2f s",
				this.callsOk.get(), this.callsFailed.get(), this.failures, callsLost(), this.callsLate.get(),
				this.hung.get(), this.wrongResults.get(), this.maxCallNanos.get() / 1e9)
				+ (this.lastFailure.isEmpty() ? "" : "; last failures " + this.lastFailure);
	}

}
