package io.oslo4j.rpc.notify;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Receives notifications in batches (oslo's batch notification listener): override the
 * methods of the priorities you want; each gets the notifications of one priority from a
 * batch of up to {@code batchSize} messages collected within {@code batchTimeout}. A
 * {@link NotificationResult#REQUEUE} or an exception asks for every message of the batch
 * to be requeued (when the listener allows it), as oslo does.
 */
public interface BatchNotificationEndpoint {

	/**
	 * Handles {@code AUDIT} notifications.
	 * @param notifications the notifications, in arrival order
	 * @return the result
	 */
	default NotificationResult audit(List<Notification> notifications) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles {@code DEBUG} notifications.
	 * @param notifications the notifications
	 * @return the result
	 */
	default NotificationResult debug(List<Notification> notifications) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles {@code INFO} notifications.
	 * @param notifications the notifications
	 * @return the result
	 */
	default NotificationResult info(List<Notification> notifications) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles {@code WARN} notifications.
	 * @param notifications the notifications
	 * @return the result
	 */
	default NotificationResult warn(List<Notification> notifications) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles {@code ERROR} notifications.
	 * @param notifications the notifications
	 * @return the result
	 */
	default NotificationResult error(List<Notification> notifications) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles {@code CRITICAL} notifications.
	 * @param notifications the notifications
	 * @return the result
	 */
	default NotificationResult critical(List<Notification> notifications) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Handles {@code SAMPLE} notifications.
	 * @param notifications the notifications
	 * @return the result
	 */
	default NotificationResult sample(List<Notification> notifications) {
		return NotificationResult.HANDLED;
	}

	/**
	 * Returns the filter applied to each notification before the batch reaches this
	 * endpoint.
	 * @return the filter, or {@code null}
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
		return EndpointPriorities.overridden(getClass(), BatchNotificationEndpoint.class, List.class);
	}

	/**
	 * Calls the method of a priority.
	 * @param priority the priority
	 * @param notifications the notifications
	 * @return the result
	 */
	default NotificationResult handle(NotificationPriority priority, List<Notification> notifications) {
		return switch (priority) {
			case AUDIT -> audit(notifications);
			case DEBUG -> debug(notifications);
			case INFO -> info(notifications);
			case WARN -> warn(notifications);
			case ERROR -> error(notifications);
			case CRITICAL -> critical(notifications);
			case SAMPLE -> sample(notifications);
		};
	}

}
