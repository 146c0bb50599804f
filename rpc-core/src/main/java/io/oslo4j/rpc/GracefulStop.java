package io.oslo4j.rpc;

import java.time.Duration;
import java.util.List;

/**
 * Something that consumes messages and stops in two steps, as oslo's
 * {@code MessageHandlingServer} does: {@link #stop()} stops taking messages,
 * {@link #await(Duration)} lets the ones being handled finish and then releases
 * everything. {@link io.oslo4j.rpc.server.RpcServer} and
 * {@link io.oslo4j.rpc.notify.NotificationListener} are such things; {@link #stopAll}
 * stops several of them within one shutdown timeout.
 */
public interface GracefulStop extends AutoCloseable {

	/**
	 * Stops taking new messages; those already taken go on. Idempotent.
	 */
	void stop();

	/**
	 * Waits for the messages being handled to finish, then releases the consumers and
	 * threads. Call after {@link #stop()}.
	 * @param timeout how long handlers may run on
	 * @return whether every handler finished in time
	 * @throws InterruptedException when interrupted while waiting (everything is released
	 * all the same)
	 */
	boolean await(Duration timeout) throws InterruptedException;

	/**
	 * Stops, waits within {@code timeout} and releases everything; when interrupted,
	 * releases at once and keeps the thread's interrupt status.
	 * @param stoppable what to close
	 * @param timeout how long handlers may run on
	 */
	static void close(GracefulStop stoppable, Duration timeout) {
		stopAll(List.of(stoppable), timeout);
	}

	/**
	 * Stops all first (none takes new messages any more), then waits for each within what
	 * is left of one shared {@code timeout}; when interrupted, the rest are released at
	 * once and the thread's interrupt status is kept.
	 * @param stoppables what to stop
	 * @param timeout the time all handlers together may run on
	 */
	static void stopAll(List<? extends GracefulStop> stoppables, Duration timeout) {
		stoppables.forEach(GracefulStop::stop);
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean interrupted = false;
		for (GracefulStop stoppable : stoppables) {
			try {
				stoppable
					.await(interrupted ? Duration.ZERO : Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops, lets the messages being handled finish within the shutdown timeout, and
	 * releases everything. Idempotent.
	 */
	@Override
	void close();

}
