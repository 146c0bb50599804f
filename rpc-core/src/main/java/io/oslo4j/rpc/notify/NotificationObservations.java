package io.oslo4j.rpc.notify;

import java.util.Objects;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Names, tags and outcomes of the notification observations (Boot turns them into
 * timers):
 * <ul>
 * <li>{@value #SENT}: one per {@link Notifier} call (every topic), tagged
 * {@code rpc.notification.priority}, {@code rpc.notification.driver} and {@code outcome}
 * {@value #SUCCESS} or {@value #ERROR} (the notification could not be serialized or
 * published to some topic). The {@code noop} driver records nothing.</li>
 * <li>{@value #RECEIVED}: one per message a {@link NotificationListener} takes, tagged
 * {@code rpc.notification.priority} ({@code unknown} when the message is not a
 * notification) and {@code outcome}: {@value #HANDLED} (the endpoints returned, the
 * message is acknowledged), {@value #REQUEUED} (put back on the queue), {@value #FAILED}
 * (an endpoint threw and requeue is not allowed: acknowledged) or {@value #DROPPED}
 * (acknowledged or rejected without being handled: not a notification, an unknown
 * priority, a duplicate, or a requeue the listener does not allow).</li>
 * </ul>
 * The event type is a high-cardinality key ({@code rpc.notification.event_type}): on
 * spans, never on meters.
 */
public final class NotificationObservations {

	/** Name of the observation of sent notifications. */
	public static final String SENT = "rpc.notifications.sent";

	/** Name of the observation of received notifications. */
	public static final String RECEIVED = "rpc.notifications.received";

	/** Sent: published to every topic (or logged). */
	public static final String SUCCESS = "success";

	/** Sent: not serialized, or not published to some topic. */
	public static final String ERROR = "error";

	/** Received: handled and acknowledged. */
	public static final String HANDLED = "handled";

	/** Received: put back on the queue. */
	public static final String REQUEUED = "requeued";

	/** Received: an endpoint threw; acknowledged. */
	public static final String FAILED = "failed";

	/**
	 * Received: not handled (malformed, unknown priority, duplicate, refused requeue).
	 */
	public static final String DROPPED = "dropped";

	/** The default convention of sent notifications. */
	public static final ObservationConvention<NotificationObservationContext> SENT_CONVENTION = new Convention(false,
			SENT);

	/** The default convention of received notifications. */
	public static final ObservationConvention<NotificationObservationContext> RECEIVED_CONVENTION = new Convention(true,
			RECEIVED);

	private static final String UNKNOWN = "unknown";

	private NotificationObservations() {
	}

	static @Nullable Observation startSent(ObservationRegistry registry, NotificationPriority priority,
			NotifierDriver driver, String eventType) {
		if (registry.isNoop()) {
			return null;
		}
		NotificationObservationContext context = new NotificationObservationContext(false, priority.lowerName(),
				driver.configName(), eventType, SUCCESS);
		return Observation.createNotStarted(null, SENT_CONVENTION, () -> context, registry).start();
	}

	static @Nullable Observation startReceived(ObservationRegistry registry, @Nullable NotificationPriority priority,
			@Nullable String eventType) {
		if (registry.isNoop()) {
			return null;
		}
		NotificationObservationContext context = new NotificationObservationContext(true,
				(priority != null) ? priority.lowerName() : UNKNOWN, null, eventType, HANDLED);
		return Observation.createNotStarted(null, RECEIVED_CONVENTION, () -> context, registry).start();
	}

	static void stop(@Nullable Observation observation, String outcome, @Nullable Throwable error) {
		if (observation == null) {
			return;
		}
		if (observation.getContext() instanceof NotificationObservationContext context) {
			context.setOutcome(outcome);
		}
		if (error != null) {
			observation.error(error);
		}
		observation.stop();
	}

	private record Convention(boolean received,
			String name) implements ObservationConvention<NotificationObservationContext> {

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(NotificationObservationContext context) {
			KeyValues values = KeyValues.of("rpc.notification.priority", context.priority(), "outcome",
					context.outcome());
			return this.received ? values
					: values.and("rpc.notification.driver", Objects.toString(context.driver(), UNKNOWN));
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(NotificationObservationContext context) {
			return KeyValues.of("rpc.notification.event_type", Objects.toString(context.eventType(), ""));
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof NotificationObservationContext notification
					&& notification.received() == this.received;
		}

	}

}
