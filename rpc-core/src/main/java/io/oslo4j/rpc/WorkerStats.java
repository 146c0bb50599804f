package io.oslo4j.rpc;

/**
 * What the workers of a server or listener are doing, read at any time (for executor
 * meters: the starter registers them as Micrometer's {@code executor.*} meters).
 */
public interface WorkerStats {

	/**
	 * Returns how many tasks run now.
	 * @return the running tasks
	 */
	int active();

	/**
	 * Returns how many tasks wait for a worker.
	 * @return the queued tasks
	 */
	int queued();

	/**
	 * Returns how many more tasks may wait before the consumer is held back.
	 * @return the free queue slots
	 */
	int queueRemaining();

	/**
	 * Returns how many tasks may run at once.
	 * @return the concurrency limit
	 */
	int maxActive();

	/**
	 * Returns how many tasks have finished.
	 * @return the completed tasks
	 */
	long completed();

}
