package io.oslo4j.rpc.transport.fake;

import io.oslo4j.rpc.Target;

/**
 * Sees every request, cast and notification published on one in-memory broker, as the
 * bytes a {@code fake://} transport publishes (RabbitMQ's firehose, for tests): register
 * one with {@link FakeBrokers#addTap}. Methods run on the publishing thread before the
 * message is routed, so a tap has seen a request before any server can answer it; they
 * must be quick and must not publish. A tap that throws is logged and ignored.
 */
public interface FakeTap {

	/**
	 * A request or a cast was published.
	 * @param target the target it was sent to (topic, and server or fanout as sent)
	 * @param body the message body (an oslo 2.0 envelope); do not change it
	 */
	default void sent(Target target, byte[] body) {
	}

	/**
	 * A notification was published.
	 * @param target the notification target (topic and exchange)
	 * @param priority the lower-case priority, e.g. {@code info}
	 * @param body the message body; do not change it
	 */
	default void notified(Target target, String priority, byte[] body) {
	}

}
