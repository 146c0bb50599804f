package io.oslo4j.sample;

import java.util.concurrent.atomic.AtomicLong;

import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.notify.NotificationPriority;

import org.springframework.stereotype.Component;

/**
 * Counts the {@value #EVENT_RECORDED} notifications this instance receives, from any
 * publisher (the sample's {@code record} cast, or a Python notifier). With several
 * instances they share the notifications, as oslo listeners without a pool do.
 */
@Component
public class SampleNotifications {

	/** The event type {@code record} emits. */
	public static final String EVENT_RECORDED = "sample.event.recorded";

	private final AtomicLong received = new AtomicLong();

	/**
	 * Counts one notification.
	 * @param payload its payload ({@code {server, event}} from the sample)
	 */
	@RpcNotificationListener(eventType = "sample\\.event\\.recorded$", priorities = NotificationPriority.INFO)
	public void recorded(Object payload) {
		this.received.incrementAndGet();
	}

	/**
	 * Returns how many notifications this instance received.
	 * @return the count
	 */
	public long received() {
		return this.received.get();
	}

}
