package io.oslo4j.rpc.server;

import io.oslo4j.rpc.WorkerStats;

/**
 * The bounded workers of a server: at most a fixed number of requests run at once and a
 * bounded number wait; when both are full, the consumer thread waits for room
 * (back-pressure to the broker). Either the server's own pool ({@link WorkerQueue}) or an
 * application's executor ({@link ExecutorWorkers}).
 */
sealed interface Workers extends WorkerStats permits WorkerQueue, ExecutorWorkers {

	/** What became of a task offered to the workers. */
	enum Offer {

		/** A worker has it, or will take it from the queue. */
		HANDED,

		/** Every worker is busy and the queue is full: {@link #put} waits for room. */
		BUSY,

		/** The server is stopping: no worker will take it. */
		STOPPING

	}

	/**
	 * Hands a task to the workers without waiting.
	 * @param task the task
	 * @return what became of it
	 */
	Offer offer(Runnable task);

	/**
	 * Waits until the queue has room for a task, after {@link #offer} said
	 * {@link Offer#BUSY}.
	 * @param task the task
	 * @return whether a worker will run it: {@code false} when the server stopped (or
	 * this thread was interrupted) meanwhile
	 */
	boolean put(Runnable task);

	/**
	 * Returns whether the workers are stopping: {@link #offer} would say
	 * {@link Offer#STOPPING}.
	 * @return whether the server is stopping
	 */
	boolean isStopping();

	/**
	 * Takes no more tasks; those queued still run.
	 */
	void shutdown();

	/**
	 * Waits, after {@link #shutdown()}, until every task has finished.
	 * @param timeoutNanos how long to wait
	 * @return whether every task finished
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean awaitTermination(long timeoutNanos) throws InterruptedException;

	/**
	 * Drops the queued tasks and interrupts the running ones.
	 */
	void shutdownNow();

	/**
	 * Returns how many requests run or wait.
	 * @return the requests in flight
	 */
	default int inFlight() {
		return active() + queued();
	}

}
