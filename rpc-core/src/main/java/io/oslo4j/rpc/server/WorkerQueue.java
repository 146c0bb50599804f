package io.oslo4j.rpc.server;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * How a request reaches a worker of a server's bounded executor: handed over at once when
 * a worker or a queue slot is free, or, when every worker is busy and the queue is full,
 * by waiting for room (back-pressure: the consumer thread takes no more messages
 * meanwhile). The executor must be made with {@link #refuse} as its rejection policy.
 */
final class WorkerQueue {

	/** What became of a task offered to the workers. */
	enum Offer {

		/** A worker has it, or will take it from the queue. */
		HANDED,

		/** Every worker is busy and the queue is full: {@link #put} waits for room. */
		BUSY,

		/** The server is stopping: no worker will take it. */
		STOPPING

	}

	/** Every worker busy and the queue full (no stack trace: it is control flow). */
	private static final RejectedExecutionException BUSY = new RejectedExecutionException(
			"every worker is busy and the queue is full") {

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	};

	private final ThreadPoolExecutor executor;

	WorkerQueue(ThreadPoolExecutor executor) {
		this.executor = executor;
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

	/**
	 * Hands a task to the workers without waiting.
	 * @param task the task
	 * @return what became of it
	 */
	Offer offer(Runnable task) {
		try {
			this.executor.execute(task);
			return Offer.HANDED;
		}
		catch (RejectedExecutionException ex) {
			return (ex == BUSY) ? Offer.BUSY : Offer.STOPPING;
		}
	}

	/**
	 * Returns whether the workers are stopping: {@link #offer} would say
	 * {@link Offer#STOPPING}.
	 * @return whether the server is stopping
	 */
	boolean isStopping() {
		return this.executor.isShutdown();
	}

	/**
	 * Waits until the queue has room for a task, after {@link #offer} said
	 * {@link Offer#BUSY}.
	 * @param task the task
	 * @return whether a worker will run it: {@code false} when the server stopped (or
	 * this thread was interrupted) meanwhile
	 */
	boolean put(Runnable task) {
		try {
			this.executor.getQueue().put(task);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		// the server stopped while this waited: its workers may be gone already
		return !this.executor.isShutdown() || !this.executor.getQueue().remove(task);
	}

}
