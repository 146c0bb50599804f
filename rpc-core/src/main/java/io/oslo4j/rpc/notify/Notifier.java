package io.oslo4j.rpc.notify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.NotificationCodec;
import io.oslo4j.rpc.wire.NotificationMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger logger = LoggerFactory.getLogger(Notifier.class);

	private static final String LOG_DRIVER_LOGGER = "oslo.messaging.notification";

	private final Transport transport;

	private final @Nullable String publisherId;

	private final NotifierDriver driver;

	private final List<String> topics;

	private final Serializer serializer;

	private final NotificationCodec codec;

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
		this(transport, publisherId, driver, topics, serializer, codec, ObservationRegistry.NOOP);
	}

	private Notifier(Transport transport, @Nullable String publisherId, NotifierDriver driver, List<String> topics,
			Serializer serializer, NotificationCodec codec, ObservationRegistry observations) {
		if (topics.isEmpty()) {
			throw new IllegalArgumentException("at least one topic is required");
		}
		this.transport = transport;
		this.publisherId = publisherId;
		this.driver = driver;
		this.topics = List.copyOf(topics);
		this.serializer = serializer;
		this.codec = codec;
		this.observations = observations;
	}

	/**
	 * Returns a notifier like this one with another publisher id (oslo's
	 * {@code prepare(publisher_id=...)}).
	 * @param publisherId the publisher id
	 * @return the new notifier
	 */
	public Notifier prepare(@Nullable String publisherId) {
		return new Notifier(this.transport, publisherId, this.driver, this.topics, this.serializer, this.codec,
				this.observations);
	}

	/**
	 * Returns a notifier like this one whose notifications are observed as
	 * {@value NotificationObservations#SENT} in the given registry.
	 * @param observations the registry
	 * @return the new notifier
	 */
	public Notifier withObservations(ObservationRegistry observations) {
		return new Notifier(this.transport, this.publisherId, this.driver, this.topics, this.serializer, this.codec,
				observations);
	}

	/**
	 * Returns the driver.
	 * @return the driver
	 */
	public NotifierDriver driver() {
		return this.driver;
	}

	/**
	 * Returns the topics every notification goes to.
	 * @return the topics
	 */
	public List<String> topics() {
		return this.topics;
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
		return this.driver != NotifierDriver.NOOP;
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
		if (this.driver == NotifierDriver.NOOP) {
			return;
		}
		Observation observation = NotificationObservations.startSent(this.observations, priority, this.driver,
				eventType);
		RuntimeException failure = deliver(context, eventType, payload, priority);
		NotificationObservations.stop(observation,
				(failure != null) ? NotificationObservations.ERROR : NotificationObservations.SUCCESS, failure);
	}

	/**
	 * Sends (or logs) a notification; returns the first failure, already logged.
	 */
	private @Nullable RuntimeException deliver(RpcContext context, String eventType, @Nullable Object payload,
			NotificationPriority priority) {
		NotificationMessage message;
		try {
			Object primitive = this.serializer.serializeEntity(context, payload);
			Map<String, @Nullable Object> safe = ContextSanitizer.sanitize(context.asMap());
			Map<String, @Nullable Object> ctxt = this.serializer.serializeContext(RpcContext.of(safe));
			message = NotificationMessage.create(this.publisherId, eventType, priority.wireName(), primitive, ctxt);
		}
		catch (RuntimeException ex) {
			logger.error("Problem '{}' attempting to send to notification system. Payload={}", ex.getMessage(), payload,
					ex);
			return ex;
		}
		if (this.driver == NotifierDriver.LOG) {
			log(message, priority);
			return null;
		}
		boolean enveloped = this.driver == NotifierDriver.MESSAGING_V2;
		RuntimeException failure = null;
		for (String topic : this.topics) {
			try {
				this.transport.sendNotification(Target.topic(topic), priority.lowerName(),
						this.codec.encode(message, enveloped, this.transport.notificationLayout()));
			}
			catch (RuntimeException ex) {
				logger.error("Could not send notification to {}. Payload={}", topic, payload, ex);
				failure = (failure != null) ? failure : ex;
			}
		}
		return failure;
	}

	private void log(NotificationMessage message, NotificationPriority priority) {
		Logger target = LoggerFactory.getLogger(LOG_DRIVER_LOGGER + "." + message.eventType());
		String json = new String(this.codec.encode(message, false), StandardCharsets.US_ASCII);
		switch (priority) {
			case DEBUG -> target.debug(json);
			case INFO -> target.info(json);
			case WARN -> target.warn(json);
			case ERROR, CRITICAL -> target.error(json);
			// Python's logging has no audit() or sample(): oslo only warns
			default ->
				logger.warn("Unable to log message as notify cannot find a logger with the priority " + "specified {}",
						priority.lowerName());
		}
	}

	@Override
	public String toString() {
		return "Notifier[publisherId=" + this.publisherId + ", driver=" + this.driver.configName() + ", topics="
				+ this.topics + "]";
	}

}
