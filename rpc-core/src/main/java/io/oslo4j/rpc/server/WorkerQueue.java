package io.oslo4j.rpc.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The server's own workers, a bounded thread pool: a request is handed over at once when
 * a worker or a queue slot is free, or, when every worker is busy and the queue is full,
 * by waiting for room (back-pressure: the consumer thread takes no more messages
 * meanwhile).
 */
final class WorkerQueue implements Workers {

	/** Every worker busy and the queue full (no stack trace: it is control flow). */
	private static final RejectedExecutionException BUSY = new RejectedExecutionException(
			"every worker is busy and the queue is full") {

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	};

	private final ThreadPoolExecutor executor;

	private final @Nullable UnaryOperator<Runnable> taskDecorator;

	WorkerQueue(ThreadPoolExecutor executor, @Nullable UnaryOperator<Runnable> taskDecorator) {
		this.executor = executor;
		this.taskDecorator = taskDecorator;
	}

	/**
	 * Makes the pool of a server: {@code threads} daemon threads named
	 * {@code oslo4j-rpc-<name>-<n>}, idle ones ending after 60 s.
	 * @param threads the number of threads
	 * @param queueCapacity how many requests may wait for a thread
	 * @param name the server's name
	 * @param taskDecorator decorates each request as it is handed over, or {@code null}
	 * @return the workers
	 */
	static WorkerQueue pool(int threads, int queueCapacity, String name,
			@Nullable UnaryOperator<Runnable> taskDecorator) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(queueCapacity), threads(name), WorkerQueue::refuse);
		executor.allowCoreThreadTimeOut(true);
		return new WorkerQueue(executor, taskDecorator);
	}

	private static ThreadFactory threads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "oslo4j-rpc-" + name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * The executor's rejection policy: "busy" when the queue is full (the caller then
	 * waits with {@link #put}), a plain rejection once the server is stopping.
	 * @param task the task refused
	 * @param executor the executor
	 */
	static void refuse(Runnable task, ThreadPoolExecutor executor) {
		if (executor.isShutdown()) {
			throw new RejectedExecutionException("server is stopping");
		}
		throw BUSY;
	}

	@Override
	public Offer offer(Runnable task) {
		try {
			this.executor.execute(decorated(task));
			return Offer.HANDED;
		}
		catch (RejectedExecutionException ex) {
			return (ex == BUSY) ? Offer.BUSY : Offer.STOPPING;
		}
	}

	@Override
	public boolean isStopping() {
		return this.executor.isShutdown();
	}

	@Override
	public boolean put(Runnable task) {
		Runnable queued = decorated(task);
		try {
			this.executor.getQueue().put(queued);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		// the server stopped while this waited: its workers may be gone already
		return !this.executor.isShutdown() || !this.executor.getQueue().remove(queued);
	}

	private Runnable decorated(Runnable task) {
		UnaryOperator<Runnable> decorator = this.taskDecorator;
		return (decorator != null) ? decorator.apply(task) : task;
	}

	@Override
	public void shutdown() {
		this.executor.shutdown();
	}

	@Override
	public boolean awaitTermination(long timeoutNanos) throws InterruptedException {
		return this.executor.awaitTermination(timeoutNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void shutdownNow() {
		this.executor.shutdownNow();
	}

	@Override
	public int active() {
		return this.executor.getActiveCount();
	}

	@Override
	public int queued() {
		return this.executor.getQueue().size();
	}

	@Override
	public int queueRemaining() {
		return this.executor.getQueue().remainingCapacity();
	}

	@Override
	public int maxActive() {
		return this.executor.getMaximumPoolSize();
	}

	@Override
	public long completed() {
		return this.executor.getCompletedTaskCount();
	}

}
