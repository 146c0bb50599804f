package io.oslo4j.rpc.transport;

/**
 * How the notifications a {@link Transport} carries lay out the request context, which
 * differs between oslo's drivers. The notifier writes, and the listener reads, the layout
 * of the transport they use ({@link Transport#notificationLayout()}).
 */
public enum NotificationLayout {

	/**
	 * oslo's AMQP drivers ({@code rabbit://}, {@code fake://}): each context entry is a
	 * top-level {@code _context_<key>} key, the message has a {@code _unique_id}, and the
	 * {@code messaging} driver sends the bare 1.0 dict.
	 */
	CONTEXT_KEYS,

	/**
	 * oslo's Kafka driver ({@code kafka://}): the context is one nested
	 * {@code "_context": {...}} object, there is no {@code _unique_id}, and every message
	 * is in the 2.0 envelope, whatever the notifier's driver ({@code messaging} or
	 * {@code messagingv2}).
	 */
	NESTED_CONTEXT

}
