package io.oslo4j.rpc.notify;

import java.util.Map;
import java.util.Set;

import io.oslo4j.rpc.RpcContext;
import org.jspecify.annotations.Nullable;

/**
 * Receives notifications one at a time, as a Python endpoint object does: override the
 * methods of the priorities you want ({@code audit}, {@code debug}, {@code info},
 * {@code warn}, {@code error}, {@code critical}, {@code sample}); the listener subscribes
 * only to priorities some endpoint overrides ({@link #priorities()}). Each method gets
 * oslo's {@code (ctxt, publisher_id, event_type, payload, metadata)}. Returning
 * {@link NotificationResult#REQUEUE} or throwing asks for the message to be requeued
 * (when the listener allows it); it is acknowledged otherwise, after the method returns.
 * An optional {@link #filter()} screens what reaches the endpoint.
 */
public interface NotificationEndpoint {

	/**
	 * Handles an {@code AUDIT} notification.
	 * @param context the context
	 * @param publisherId the publisher id
	 * @param eventType the event type
	 * @param payload the payload (JSON-ready values)
	 * @param metadata {@code message_id} and {@code timestamp}
	 * @return the result
	 */
	default NotificationResult audit(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
			@Nullable Object payload, Map<String, @Nullable Object> metadata) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles a {@code DEBUG} notification; see {@link #audit}.
	 * @param context the context
	 * @param publisherId the publisher id
	 * @param eventType the event type
	 * @param payload the payload
	 * @param metadata the metadata
	 * @return the result
	 */
	default NotificationResult debug(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
			@Nullable Object payload, Map<String, @Nullable Object> metadata) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles an {@code INFO} notification; see {@link #audit}.
	 * @param context the context
	 * @param publisherId the publisher id
	 * @param eventType the event type
	 * @param payload the payload
	 * @param metadata the metadata
	 * @return the result
	 */
	default NotificationResult info(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
			@Nullable Object payload, Map<String, @Nullable Object> metadata) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles a {@code WARN} notification; see {@link #audit}.
	 * @param context the context
	 * @param publisherId the publisher id
	 * @param eventType the event type
	 * @param payload the payload
	 * @param metadata the metadata
	 * @return the result
	 */
	default NotificationResult warn(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
			@Nullable Object payload, Map<String, @Nullable Object> metadata) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles an {@code ERROR} notification; see {@link #audit}.
	 * @param context the context
	 * @param publisherId the publisher id
	 * @param eventType the event type
	 * @param payload the payload
	 * @param metadata the metadata
	 * @return the result
	 */
	default NotificationResult error(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
			@Nullable Object payload, Map<String, @Nullable Object> metadata) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles a {@code CRITICAL} notification; see {@link #audit}.
	 * @param context the context
	 * @param publisherId the publisher id
	 * @param eventType the event type
	 * @param payload the payload
	 * @param metadata the metadata
	 * @return the result
	 */
	default NotificationResult critical(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
			@Nullable Object payload, Map<String, @Nullable Object> metadata) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles a {@code SAMPLE} notification; see {@link #audit}.
	 * @param context the context
	 * @param publisherId the publisher id
	 * @param eventType the event type
	 * @param payload the payload
	 * @param metadata the metadata
	 * @return the result
	 */
	default NotificationResult sample(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
			@Nullable Object payload, Map<String, @Nullable Object> metadata) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Returns the filter screening this endpoint's notifications (oslo's
	 * {@code filter_rule}).
	 * @return the filter, or {@code null} for none
	 */
	default @Nullable NotificationFilter filter() {
		return null;
	}

	/**
	 * Returns the priorities this endpoint handles: by default those whose method the
	 * endpoint's class overrides.
	 * @return the priorities
	 */
	default Set<NotificationPriority> priorities() {
		return EndpointPriorities.overridden(getClass(), NotificationEndpoint.class, RpcContext.class, String.class,
				String.class, Object.class, Map.class);
	}

	/**
	 * Calls the method of a priority.
	 * @param priority the priority
	 * @param n the notification
	 * @return the result
	 */
	default NotificationResult handle(NotificationPriority priority, Notification n) {
		return switch (priority) {
			case AUDIT -> audit(n.context(), n.publisherId(), n.eventType(), n.payload(), n.metadata());
			case DEBUG -> debug(n.context(), n.publisherId(), n.eventType(), n.payload(), n.metadata());
			case INFO -> info(n.context(), n.publisherId(), n.eventType(), n.payload(), n.metadata());
			case WARN -> warn(n.context(), n.publisherId(), n.eventType(), n.payload(), n.metadata());
			case ERROR -> error(n.context(), n.publisherId(), n.eventType(), n.payload(), n.metadata());
			case CRITICAL -> critical(n.context(), n.publisherId(), n.eventType(), n.payload(), n.metadata());
			case SAMPLE -> sample(n.context(), n.publisherId(), n.eventType(), n.payload(), n.metadata());
		};
	}

}
