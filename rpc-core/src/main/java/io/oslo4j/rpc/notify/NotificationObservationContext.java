package io.oslo4j.rpc.notify;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What a notification observation knows: whether the notification was sent or received,
 * its priority, the notifier's driver (sent only), its event type and the outcome. The
 * request context is not a carrier: oslo's context sanitizing drops unknown keys, so no
 * tracing header would survive the trip.
 */
public final class NotificationObservationContext extends Observation.Context {

	private final boolean received;

	private final String priority;

	private final @Nullable String driver;

	private final @Nullable String eventType;

	private String outcome;

	/**
	 * Makes a context.
	 * @param received whether the notification was received (else sent)
	 * @param priority the priority's lower-case name, or {@code unknown}
	 * @param driver the notifier's driver ({@code messagingv2}...), {@code null} when
	 * received
	 * @param eventType the event type, or {@code null}
	 * @param outcome the initial outcome
	 */
	public NotificationObservationContext(boolean received, String priority, @Nullable String driver,
			@Nullable String eventType, String outcome) {
		this.received = received;
		this.priority = priority;
		this.driver = driver;
		this.eventType = eventType;
		this.outcome = outcome;
	}

	public boolean received() {
		return this.received;
	}

	public String priority() {
		return this.priority;
	}

	public @Nullable String driver() {
		return this.driver;
	}

	public @Nullable String eventType() {
		return this.eventType;
	}

	/**
	 * Returns the outcome; see {@link NotificationObservations}.
	 * @return the outcome
	 */
	public String outcome() {
		return this.outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
