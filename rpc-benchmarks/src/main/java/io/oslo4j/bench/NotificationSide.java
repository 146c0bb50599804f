package io.oslo4j.bench;

/**
 * One end of the notification benchmark, Java or Python: a sender or a receiver of
 * {@code info} notifications on one topic. Warm-up notifications ({@code bench.warmup})
 * flow until the receiver has one, so that queues, consumers and consumer groups are in
 * place before the measured ones ({@code bench.event}).
 */
interface NotificationSide extends AutoCloseable {

	/** Sends notifications. */
	interface Sender extends NotificationSide {

		/**
		 * Sends one warm-up notification.
		 */
		void warm() throws Exception;

		/**
		 * Sends the measured notifications as fast as the sender can.
		 * @param count how many
		 * @return the seconds the sender took to send them
		 */
		double sendAll(int count) throws Exception;

	}

	/** Receives notifications. */
	interface Receiver extends NotificationSide {

		/**
		 * Returns whether a warm-up notification has arrived.
		 * @return whether the receiver is ready
		 */
		boolean warmed();

		/**
		 * Waits until every measured notification has been handled.
		 * @param count how many
		 * @param deadlineNanos when to give up ({@link System#nanoTime()})
		 * @throws IllegalStateException past the deadline
		 */
		void awaitAll(int count, long deadlineNanos) throws Exception;

	}

	/** Who is on this side, as the table shows it. */
	String who();

}
