package io.oslo4j.rpc.notify;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.NotificationCodec;
import org.jspecify.annotations.Nullable;

/**
 * Sends notifications as oslo's {@code Notifier} does. Each notification has a fresh
 * {@code message_id} ({@code str(uuid4())}), the publisher id, event type, upper-case
 * priority, payload, timestamp ({@code str(utcnow())}), a fresh {@code _unique_id} and
 * the context reduced to oslo's safe keys (no {@code auth_token}). With the
 * {@code messagingv2} driver (default) it is published in the 2.0 envelope to the control
 * exchange with routing key {@code <topic>.<priority>} for every topic (default
 * {@code notifications}); see {@link Transport#sendNotification}.
 * <p>
 * As in oslo, a notification that cannot be sent is logged, not thrown: notifying never
 * breaks the caller. With an {@link ObservationRegistry} ({@link #withObservations}),
 * every notification is observed as {@value NotificationObservations#SENT}. Thread-safe.
 */
public final class Notifier {

	/** The default topic list. */
	public static final List<String> DEFAULT_TOPICS = List.of("notifications");

	private final NotificationDelivery delivery;

	private final @Nullable String publisherId;

	private final ObservationRegistry observations;

	/**
	 * Makes a {@code messagingv2} notifier on the topic {@code notifications}.
	 * @param transport the transport
	 * @param publisherId the publisher id, e.g. {@code compute.host1}
	 */
	public Notifier(Transport transport, @Nullable String publisherId) {
		this(transport, publisherId, NotifierDriver.MESSAGING_V2, DEFAULT_TOPICS);
	}

	/**
	 * Makes a notifier.
	 * @param transport the transport
	 * @param publisherId the publisher id
	 * @param driver the driver
	 * @param topics the topics (each notification goes to every topic)
	 */
	public Notifier(Transport transport, @Nullable String publisherId, NotifierDriver driver, List<String> topics) {
		this(transport, publisherId, driver, topics, JacksonSerializer.defaultSerializer(),
				NotificationCodec.defaultCodec());
	}

	/**
	 * Makes a notifier with its own serializer (for payloads and the context) and codec.
	 * @param transport the transport
	 * @param publisherId the publisher id
	 * @param driver the driver
	 * @param topics the topics
	 * @param serializer turns payloads into JSON-ready values
	 * @param codec writes the message
	 */
	public Notifier(Transport transport, @Nullable String publisherId, NotifierDriver driver, List<String> topics,
			Serializer serializer, NotificationCodec codec) {
		this(new NotificationDelivery(transport, driver, topics, serializer, codec), publisherId,
				ObservationRegistry.NOOP);
	}

	private Notifier(NotificationDelivery delivery, @Nullable String publisherId, ObservationRegistry observations) {
		this.delivery = delivery;
		this.publisherId = publisherId;
		this.observations = observations;
	}

	/**
	 * Returns a notifier like this one with another publisher id (oslo's
	 * {@code prepare(publisher_id=...)}).
	 * @param publisherId the publisher id
	 * @return the new notifier
	 */
	public Notifier prepare(@Nullable String publisherId) {
		return new Notifier(this.delivery, publisherId, this.observations);
	}

	/**
	 * Returns a notifier like this one whose notifications are observed as
	 * {@value NotificationObservations#SENT} in the given registry.
	 * @param observations the registry
	 * @return the new notifier
	 */
	public Notifier withObservations(ObservationRegistry observations) {
		return new Notifier(this.delivery, this.publisherId, observations);
	}

	/**
	 * Returns the driver.
	 * @return the driver
	 */
	public NotifierDriver driver() {
		return this.delivery.driver();
	}

	/**
	 * Returns the topics every notification goes to.
	 * @return the topics
	 */
	public List<String> topics() {
		return this.delivery.topics();
	}

	/**
	 * Returns the publisher id.
	 * @return the publisher id, or {@code null}
	 */
	public @Nullable String publisherId() {
		return this.publisherId;
	}

	/**
	 * Returns whether notifications go anywhere (the driver is not {@code noop}).
	 * @return whether it is enabled
	 */
	public boolean isEnabled() {
		return driver() != NotifierDriver.NOOP;
	}

	/**
	 * Sends an {@code AUDIT} notification.
	 * @param context the request context
	 * @param eventType e.g. {@code compute.instance.create.end}
	 * @param payload the payload
	 */
	public void audit(RpcContext context, String eventType, @Nullable Object payload) {
		send(context, eventType, payload, NotificationPriority.AUDIT);
	}

	/**
	 * Sends a {@code DEBUG} notification.
	 * @param context the request context
	 * @param eventType the event type
	 * @param payload the payload
	 */
	public void debug(RpcContext context, String eventType, @Nullable Object payload) {
		send(context, eventType, payload, NotificationPriority.DEBUG);
	}

	/**
	 * Sends an {@code INFO} notification.
	 * @param context the request context
	 * @param eventType the event type
	 * @param payload the payload
	 */
	public void info(RpcContext context, String eventType, @Nullable Object payload) {
		send(context, eventType, payload, NotificationPriority.INFO);
	}

	/**
	 * Sends a {@code WARN} notification (Python's {@code warn} and {@code warning}).
	 * @param context the request context
	 * @param eventType the event type
	 * @param payload the payload
	 */
	public void warn(RpcContext context, String eventType, @Nullable Object payload) {
		send(context, eventType, payload, NotificationPriority.WARN);
	}

	/**
	 * Sends an {@code ERROR} notification.
	 * @param context the request context
	 * @param eventType the event type
	 * @param payload the payload
	 */
	public void error(RpcContext context, String eventType, @Nullable Object payload) {
		send(context, eventType, payload, NotificationPriority.ERROR);
	}

	/**
	 * Sends a {@code CRITICAL} notification.
	 * @param context the request context
	 * @param eventType the event type
	 * @param payload the payload
	 */
	public void critical(RpcContext context, String eventType, @Nullable Object payload) {
		send(context, eventType, payload, NotificationPriority.CRITICAL);
	}

	/**
	 * Sends a {@code SAMPLE} notification.
	 * @param context the request context
	 * @param eventType the event type
	 * @param payload the payload
	 */
	public void sample(RpcContext context, String eventType, @Nullable Object payload) {
		send(context, eventType, payload, NotificationPriority.SAMPLE);
	}

	/**
	 * Sends a notification with the given priority.
	 * @param context the request context
	 * @param eventType the event type
	 * @param payload the payload
	 * @param priority the priority
	 */
	public void send(RpcContext context, String eventType, @Nullable Object payload, NotificationPriority priority) {
		NotifierDriver driver = driver();
		if (driver == NotifierDriver.NOOP) {
			return;
		}
		Observation observation = NotificationObservations.startSent(this.observations, priority, driver, eventType);
		RuntimeException failure = this.delivery.deliver(this.publisherId, context, eventType, payload, priority);
		NotificationObservations.stop(observation,
				(failure != null) ? NotificationObservations.ERROR : NotificationObservations.SUCCESS, failure);
	}

	@Override
	public String toString() {
		return "Notifier[publisherId=" + this.publisherId + ", driver=" + driver().configName() + ", topics=" + topics()
				+ "]";
	}

}
