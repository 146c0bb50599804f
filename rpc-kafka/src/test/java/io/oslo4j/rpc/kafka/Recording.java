package io.oslo4j.rpc.kafka;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.notify.NotificationEndpoint;
import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.notify.NotificationResult;

/**
 * An endpoint for every priority that records what it gets and answers with a function of
 * it ({@code HANDLED} by default).
 */
final class Recording implements NotificationEndpoint {

	final List<Notification> received = new CopyOnWriteArrayList<>();

	private final Function<Notification, NotificationResult> result;

	Recording() {
		this((n) -> NotificationResult.HANDLED);
	}

	Recording(Function<Notification, NotificationResult> result) {
		this.result = result;
	}

	@Override
	public Set<NotificationPriority> priorities() {
		return EnumSet.allOf(NotificationPriority.class);
	}

	@Override
	public NotificationResult handle(NotificationPriority priority, Notification n) {
		this.received.add(n);
		return this.result.apply(n);
	}

	int count() {
		return this.received.size();
	}

}
