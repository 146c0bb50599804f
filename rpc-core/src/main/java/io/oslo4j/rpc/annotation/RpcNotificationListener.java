package io.oslo4j.rpc.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.oslo4j.rpc.notify.NotificationPriority;

/**
 * Marks a method that receives oslo notifications (an endpoint of oslo's
 * {@code get_notification_listener}). The Spring Boot starter finds these methods on the
 * application's beans, starts the listeners with the application and stops them
 * gracefully on shutdown; the method is called on the bean (through its proxy).
 * <p>
 * Parameters are resolved by type or by name (from {@code -parameters} or
 * {@link RpcParam}), in any order:
 * <ul>
 * <li>{@code RpcContext}, or a {@code Map} named {@code ctxt} or {@code context}: the
 * sanitized request context;</li>
 * <li>a {@code String} named {@code publisherId} or {@code publisher_id}, and one named
 * {@code eventType} or {@code event_type};</li>
 * <li>a {@code Map} named {@code metadata}: {@code message_id} and
 * {@code timestamp};</li>
 * <li>{@code NotificationPriority}, or a {@code String} named {@code priority} (lower
 * case);</li>
 * <li>{@code Notification}: all of the above;</li>
 * <li>the payload: the parameter named {@code payload}, or else the only parameter not
 * matched above, converted to its declared type by the serializer (an {@code Object}
 * parameter receives maps, lists, strings, numbers, booleans or {@code null}).</li>
 * </ul>
 * The method returns {@code void} or {@code NotificationResult}; returning
 * {@code NotificationResult.REQUEUE} or throwing asks for the message to be put back,
 * which happens when requeue is allowed
 * ({@code rpc.notifications.listener.allow-requeue}, oslo's {@code allow_requeue});
 * otherwise it is acknowledged.
 * <p>
 * Methods with the same topics, exchange and pool in one application make one oslo
 * listener, so each of them gets every notification of its priorities that passes its
 * filters. Across applications oslo's rules apply: listeners without a pool compete for
 * the messages of {@code <topic>.<priority>}; listeners with the same pool share the
 * pool's queue; every pool gets its own copy.
 * <p>
 * String attributes may hold {@code ${...}} placeholders.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RpcNotificationListener {

	/**
	 * The topics to listen on (each a comma-separated list after placeholders are
	 * resolved). Empty: the notifier's topics ({@code rpc.notifications.topics}, default
	 * {@code notifications}).
	 * @return the topics
	 */
	String[] topics() default {};

	/**
	 * The exchange; empty for the control exchange ({@code rpc.control-exchange}).
	 * @return the exchange
	 */
	String exchange() default "";

	/**
	 * The pool: listeners with the same pool share its queue (named after the pool) and
	 * every pool gets every notification. Empty: no pool, the {@code <topic>.<priority>}
	 * queues are consumed.
	 * @return the pool
	 */
	String pool() default "";

	/**
	 * A regular expression the event type must match from its start (Python's
	 * {@code re.match}; end it with {@code $} to match the whole), e.g.
	 * {@code compute\.instance\..*}. Empty: any event type.
	 * @return the pattern
	 */
	String eventType() default "";

	/**
	 * A regular expression the publisher id must match from its start, e.g.
	 * {@code ^compute\.}. Empty: any publisher.
	 * @return the pattern
	 */
	String publisherId() default "";

	/**
	 * The priorities received; only their queues are consumed. Empty: every priority.
	 * @return the priorities
	 */
	NotificationPriority[] priorities() default {};

}
