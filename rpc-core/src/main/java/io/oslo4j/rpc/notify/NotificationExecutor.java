package io.oslo4j.rpc.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.LongAdder;

import io.oslo4j.rpc.WorkerStats;
import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.IncomingMessage;
import org.jspecify.annotations.Nullable;

/**
 * The threads calling a listener's endpoints when
 * {@link NotificationListenerOptions#executorThreads()} is set (oslo's threading
 * executor): the listener's own, or at most as many tasks at once on the application's
 * {@link NotificationListenerOptions#executor()}. Nothing is queued in memory: when every
 * thread is busy, the consumer thread handles the message itself, which holds back the
 * next delivery. A message arriving once the executor is shut down goes back to its
 * queue.
 */
final class NotificationExecutor implements WorkerStats {

	private final int threads;

	// the listener's own threads, or null with the application's executor
	private final @Nullable ThreadPoolExecutor pool;

	private final @Nullable Executor executor;

	private final Semaphore permits;

	private final LongAdder completed = new LongAdder();

	private final Set<Thread> running = ConcurrentHashMap.newKeySet();

	private final @Nullable UnaryOperator<Runnable> taskDecorator;

	/** Every thread busy, or shut down (no stack trace: it is control flow). */
	private static final RejectedExecutionException REFUSED = new RejectedExecutionException("no free thread") {

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	};

	private volatile boolean shutdown;

	NotificationExecutor(int threads, String name, @Nullable Executor executor,
			@Nullable UnaryOperator<Runnable> taskDecorator) {
		this.threads = threads;
		this.executor = executor;
		this.taskDecorator = taskDecorator;
		this.permits = new Semaphore(threads);
		if (executor == null) {
			AtomicInteger counter = new AtomicInteger();
			ThreadPoolExecutor own = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
					new SynchronousQueue<>(), (runnable) -> {
						Thread thread = new Thread(runnable, "oslo4j-notify-" + name + "-" + counter.incrementAndGet());
						thread.setDaemon(true);
						return thread;
					}, NotificationExecutor::refuse);
			own.allowCoreThreadTimeOut(true);
			this.pool = own;
		}
		else {
			this.pool = null;
		}
	}

	void execute(IncomingMessage message, DeliveryHandler handler) {
		Executor given = this.executor;
		if (given == null) {
			runOnPool(Objects.requireNonNull(this.pool), message, handler);
			return;
		}
		if (this.shutdown) {
			message.reject(true);
		}
		else if (!this.permits.tryAcquire()) {
			handler.onMessage(message);
		}
		else {
			try {
				given.execute(() -> runOnExecutor(message, handler));
			}
			catch (RejectedExecutionException ex) {
				runOnExecutor(message, handler);
			}
		}
	}

	private void runOnExecutor(IncomingMessage message, DeliveryHandler handler) {
		Thread thread = Thread.currentThread();
		this.running.add(thread);
		try {
			handler.onMessage(message);
		}
		finally {
			this.running.remove(thread);
			this.completed.increment();
			this.permits.release();
		}
	}

	/**
	 * Hands a message to the listener's own threads (decorated when a decorator is set):
	 * runs it here when every thread is busy (back-pressure), requeues it once the pool
	 * is shut down.
	 */
	private void runOnPool(ThreadPoolExecutor own, IncomingMessage message, DeliveryHandler handler) {
		UnaryOperator<Runnable> decorator = this.taskDecorator;
		Runnable task = new Task(message, handler);
		if (decorator != null) {
			task = decorator.apply(task);
		}
		try {
			own.execute(task);
		}
		catch (RejectedExecutionException ex) {
			if (own.isShutdown()) {
				message.reject(true);
			}
			else {
				task.run();
			}
		}
	}

	private static void refuse(Runnable runnable, ThreadPoolExecutor executor) {
		throw REFUSED;
	}

	/**
	 * Takes no more messages and waits for those being handled.
	 * @param timeout how long to wait
	 * @return whether every message was handled in time
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean shutdownAndAwait(Duration timeout) throws InterruptedException {
		this.shutdown = true;
		ThreadPoolExecutor own = this.pool;
		if (own != null) {
			own.shutdown();
			return own.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		if (this.permits.tryAcquire(this.threads, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
			this.permits.release(this.threads);
			return true;
		}
		return false;
	}

	/** Interrupts the handlers still running. */
	void shutdownNow() {
		this.shutdown = true;
		ThreadPoolExecutor own = this.pool;
		if (own != null) {
			own.shutdownNow();
		}
		for (Thread thread : this.running) {
			thread.interrupt();
		}
	}

	@Override
	public int active() {
		ThreadPoolExecutor own = this.pool;
		return (own != null) ? own.getActiveCount() : this.threads - this.permits.availablePermits();
	}

	@Override
	public int queued() {
		return 0;
	}

	@Override
	public int queueRemaining() {
		return 0;
	}

	@Override
	public int maxActive() {
		return this.threads;
	}

	@Override
	public long completed() {
		ThreadPoolExecutor own = this.pool;
		return (own != null) ? own.getCompletedTaskCount() : this.completed.sum();
	}

	private record Task(IncomingMessage message, DeliveryHandler handler) implements Runnable {

		@Override
		public void run() {
			this.handler.onMessage(this.message);
		}

	}

}
