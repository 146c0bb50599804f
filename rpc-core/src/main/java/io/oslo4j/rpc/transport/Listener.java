package io.oslo4j.rpc.transport;

/**
 * A server's consumers on a {@link Transport}, from {@link Transport#listen}.
 */
public interface Listener extends AutoCloseable {

	/**
	 * Stops taking new messages (cancels the consumers). Messages already handed to the
	 * handler are not affected. Idempotent.
	 */
	void stop();

	/**
	 * Stops, then deletes what belongs to this listener alone (its fanout queue), as oslo
	 * does on a clean shutdown. Idempotent.
	 */
	@Override
	void close();

	/**
	 * Returns whether every consumer of this listener is running.
	 * @return whether it is consuming
	 */
	boolean isRunning();

	/**
	 * Returns how many of this listener's consumers are registered with the broker now
	 * (for health details): one per queue while it runs, fewer when a consumer died. The
	 * default, for listeners that cannot tell, is 1 while running and 0 otherwise.
	 * @return the number of live consumers
	 */
	default int consumerCount() {
		return isRunning() ? 1 : 0;
	}

}
