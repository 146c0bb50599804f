package io.oslo4j.rpc.notify;

/**
 * What an endpoint did with a notification (oslo's {@code NotificationResult}).
 */
public enum NotificationResult {

	/** Handled: the message is acknowledged. */
	HANDLED,

	/**
	 * Put it back: the message is rejected with requeue when the listener allows requeue
	 * ({@link NotificationListenerOptions#allowRequeue()}), otherwise acknowledged.
	 */
	REQUEUE

}
