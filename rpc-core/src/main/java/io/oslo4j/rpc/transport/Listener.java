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

}
