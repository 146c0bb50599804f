package io.oslo4j.rpc.server;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workers on an application's {@link Executor} (a Spring {@code TaskExecutor}, virtual
 * threads...), with the same bounds as the server's own pool: at most {@code limit}
 * requests are handed to the executor at once, up to {@code queueCapacity} more wait
 * here, and beyond that the consumer thread waits for room. Each request is one
 * {@link Executor#execute} call, so a task decorator of the executor applies to each. An
 * executor that refuses a request (saturated, or shut down) makes the thread that handed
 * it over run it, which holds back that consumer as a full queue does.
 */
final class ExecutorWorkers implements Workers {

	private static final Logger logger = LoggerFactory.getLogger(ExecutorWorkers.class);

	private final Executor executor;

	private final int limit;

	private final ArrayBlockingQueue<Runnable> queue;

	// requests handed to the executor and not finished yet
	private final AtomicInteger running = new AtomicInteger();

	private final LongAdder completed = new LongAdder();

	// threads running a request now, for shutdownNow
	private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

	private final Object termination = new Object();

	private volatile boolean shutdown;

	/**
	 * Makes the workers.
	 * @param executor runs the requests
	 * @param limit how many requests may run at once (at least 1)
	 * @param queueCapacity how many requests may wait (at least 1)
	 */
	ExecutorWorkers(Executor executor, int limit, int queueCapacity) {
		if (limit < 1) {
			throw new IllegalArgumentException("at least one request must be able to run, limit was " + limit);
		}
		this.executor = executor;
		this.limit = limit;
		this.queue = new ArrayBlockingQueue<>(queueCapacity);
	}

	@Override
	public Offer offer(Runnable task) {
		if (this.shutdown) {
			return Offer.STOPPING;
		}
		if (tryReserve()) {
			submit(task);
			return Offer.HANDED;
		}
		if (this.queue.offer(task)) {
			drainIfIdle();
			return Offer.HANDED;
		}
		return Offer.BUSY;
	}

	@Override
	public boolean put(Runnable task) {
		try {
			this.queue.put(task);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		drainIfIdle();
		// the server stopped while this waited: nobody may take it any more
		return !this.shutdown || !this.queue.remove(task);
	}

	@Override
	public boolean isStopping() {
		return this.shutdown;
	}

	private boolean tryReserve() {
		for (;;) {
			int current = this.running.get();
			if (current >= this.limit) {
				return false;
			}
			if (this.running.compareAndSet(current, current + 1)) {
				return true;
			}
		}
	}

	/**
	 * Starts queued requests while there is room: a request queued as the last finished.
	 */
	private void drainIfIdle() {
		while (!this.queue.isEmpty() && tryReserve()) {
			Runnable next = this.queue.poll();
			if (next == null) {
				release();
				return;
			}
			submit(next);
		}
	}

	/** Runs a request on the executor, in a slot reserved already. */
	private void submit(Runnable task) {
		if (!handOver(task)) {
			run(task);
		}
	}

	private boolean handOver(Runnable task) {
		try {
			this.executor.execute(() -> run(task));
			return true;
		}
		catch (RejectedExecutionException ex) {
			logger.debug("The executor refused a request ({}); running it on the thread that handed it over",
					ex.getMessage());
			return false;
		}
	}

	/** Runs a request, then the next queued ones while the executor refuses them. */
	private void run(Runnable first) {
		Runnable task = first;
		while (true) {
			runOne(task);
			Runnable next = this.queue.poll();
			if (next == null) {
				release();
				drainIfIdle();
				return;
			}
			if (handOver(next)) {
				return;
			}
			task = next;
		}
	}

	private void runOne(Runnable task) {
		Thread thread = Thread.currentThread();
		this.threads.add(thread);
		try {
			task.run();
		}
		catch (RuntimeException | Error ex) {
			logger.error("Request failed outside of its dispatch", ex);
		}
		finally {
			this.threads.remove(thread);
			this.completed.increment();
		}
	}

	private void release() {
		if (this.running.decrementAndGet() == 0 && this.shutdown) {
			synchronized (this.termination) {
				this.termination.notifyAll();
			}
		}
	}

	@Override
	public void shutdown() {
		this.shutdown = true;
	}

	@Override
	public boolean awaitTermination(long timeoutNanos) throws InterruptedException {
		long deadline = System.nanoTime() + timeoutNanos;
		synchronized (this.termination) {
			while (this.running.get() > 0 || !this.queue.isEmpty()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.termination, left);
			}
			return true;
		}
	}

	@Override
	public void shutdownNow() {
		this.shutdown = true;
		this.queue.clear();
		for (Thread thread : this.threads) {
			thread.interrupt();
		}
	}

	@Override
	public int active() {
		return this.running.get();
	}

	@Override
	public int queued() {
		return this.queue.size();
	}

	@Override
	public int queueRemaining() {
		return this.queue.remainingCapacity();
	}

	@Override
	public int maxActive() {
		return this.limit;
	}

	@Override
	public long completed() {
		return this.completed.sum();
	}

}
