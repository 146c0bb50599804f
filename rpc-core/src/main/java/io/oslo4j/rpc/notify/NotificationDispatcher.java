package io.oslo4j.rpc.notify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oslo's {@code NotificationDispatcher} and {@code BatchNotificationDispatcher}: calls,
 * in endpoint order, every endpoint method of a notification's priority whose filter
 * passes; the first {@link NotificationResult#REQUEUE} (or exception) stops the round and
 * asks for a requeue.
 */
final class NotificationDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDispatcher.class);

	private final Map<NotificationPriority, List<Callback>> callbacks = new EnumMap<>(NotificationPriority.class);

	private final List<NotificationFilter> filters = new ArrayList<>();

	private NotificationDispatcher() {
	}

	static NotificationDispatcher of(List<NotificationEndpoint> endpoints) {
		NotificationDispatcher dispatcher = new NotificationDispatcher();
		for (NotificationEndpoint endpoint : endpoints) {
			dispatcher.addFilter(endpoint.filter());
			for (NotificationPriority priority : endpoint.priorities()) {
				dispatcher.add(priority, new Callback(endpoint.filter(), endpoint, null));
			}
		}
		return dispatcher;
	}

	static NotificationDispatcher ofBatch(List<BatchNotificationEndpoint> endpoints) {
		NotificationDispatcher dispatcher = new NotificationDispatcher();
		for (BatchNotificationEndpoint endpoint : endpoints) {
			dispatcher.addFilter(endpoint.filter());
			for (NotificationPriority priority : endpoint.priorities()) {
				dispatcher.add(priority, new Callback(endpoint.filter(), null, endpoint));
			}
		}
		return dispatcher;
	}

	private void add(NotificationPriority priority, Callback callback) {
		this.callbacks.computeIfAbsent(priority, (key) -> new ArrayList<>()).add(callback);
	}

	private void addFilter(@Nullable NotificationFilter filter) {
		if (filter != null) {
			this.filters.add(filter);
		}
	}

	/**
	 * Returns the filters of the endpoints that have one, in endpoint order.
	 * @return the filters
	 */
	List<NotificationFilter> filters() {
		return List.copyOf(this.filters);
	}

	/**
	 * Returns the priorities some endpoint handles, in oslo's order.
	 * @return the priorities
	 */
	Set<NotificationPriority> priorities() {
		return this.callbacks.keySet();
	}

	/**
	 * Dispatches the notifications of one priority.
	 * @param priority the priority
	 * @param notifications the notifications (one, unless in batch mode)
	 * @return {@link Outcome#REQUEUE} when an endpoint asked for it,
	 * {@link Outcome#FAILED} when one threw (both stop the round), else
	 * {@link Outcome#HANDLED}
	 */
	Outcome dispatch(NotificationPriority priority, List<Notification> notifications) {
		for (Callback callback : this.callbacks.getOrDefault(priority, List.of())) {
			List<Notification> selected = notifications;
			if (callback.filter != null) {
				selected = notifications.stream().filter(callback.filter::matches).toList();
			}
			if (selected.isEmpty()) {
				continue;
			}
			try {
				if (callback.call(priority, selected) == NotificationResult.REQUEUE) {
					return Outcome.REQUEUE;
				}
			}
			catch (RuntimeException ex) {
				logger.error("Callback raised an exception.", ex);
				return Outcome.FAILED;
			}
		}
		return Outcome.HANDLED;
	}

	/**
	 * What became of a dispatch: oslo turns an exception into a requeue request; it is
	 * told apart here for the observations.
	 */
	enum Outcome {

		/** Every endpoint returned {@link NotificationResult#HANDLED}. */
		HANDLED,

		/** An endpoint returned {@link NotificationResult#REQUEUE}. */
		REQUEUE,

		/** An endpoint threw: a requeue request, as in oslo. */
		FAILED

	}

	private record Callback(@Nullable NotificationFilter filter, @Nullable NotificationEndpoint single,
			@Nullable BatchNotificationEndpoint batch) {

		NotificationResult call(NotificationPriority priority, List<Notification> notifications) {
			NotificationResult result;
			if (this.single != null) {
				result = this.single.handle(priority, notifications.get(0));
			}
			else {
				result = java.util.Objects.requireNonNull(this.batch).handle(priority, notifications);
			}
			return (result != null) ? result : NotificationResult.HANDLED;
		}

	}

}
