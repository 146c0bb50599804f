package io.oslo4j.rpc.transport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * Runs delayed retries on one daemon thread, started on the first retry and ended after
 * five seconds without one: retries are rare, and one may wait for a connection, so they
 * run neither on a connection's thread nor on the common pool. Closing it runs the
 * retries still waiting at once, so that each finds its owner closed and fails.
 */
public final class RetryTimer implements AutoCloseable {

	private final String threadName;

	private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();

	private @Nullable ScheduledThreadPoolExecutor executor;

	private boolean closed;

	/**
	 * Makes a timer; no thread starts until the first retry.
	 * @param threadName the name of its thread
	 */
	public RetryTimer(String threadName) {
		this.threadName = threadName;
	}

	/**
	 * Runs a task after a delay.
	 * @param delayNanos the delay
	 * @param task the task
	 * @return {@code false} when the timer is closed and the task will not run
	 */
	public synchronized boolean schedule(long delayNanos, Runnable task) {
		if (this.closed) {
			return false;
		}
		ScheduledThreadPoolExecutor executor = this.executor;
		if (executor == null) {
			executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
				Thread thread = new Thread(runnable, this.threadName);
				thread.setDaemon(true);
				return thread;
			});
			executor.setKeepAliveTime(5, TimeUnit.SECONDS);
			executor.allowCoreThreadTimeOut(true);
			this.executor = executor;
		}
		Waiting retry = new Waiting(task);
		this.waiting.add(retry);
		executor.schedule(retry, delayNanos, TimeUnit.NANOSECONDS);
		return true;
	}

	/**
	 * Stops the thread and runs the waiting tasks at once, on the caller's thread.
	 * Idempotent.
	 */
	@Override
	public void close() {
		ScheduledThreadPoolExecutor executor;
		synchronized (this) {
			this.closed = true;
			executor = this.executor;
			this.executor = null;
		}
		if (executor != null) {
			executor.shutdownNow();
		}
		for (Waiting retry : this.waiting) {
			retry.run();
		}
	}

	/** A retry that runs once: on the timer's thread, or on the closing one. */
	private final class Waiting implements Runnable {

		private final Runnable task;

		private final AtomicBoolean taken = new AtomicBoolean();

		Waiting(Runnable task) {
			this.task = task;
		}

		@Override
		public void run() {
			if (this.taken.compareAndSet(false, true)) {
				RetryTimer.this.waiting.remove(this);
				this.task.run();
			}
		}

	}

}
