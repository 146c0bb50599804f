package io.oslo4j.rpc.notify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.NotificationCodec;
import io.oslo4j.rpc.wire.NotificationMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link Notifier}'s driver delivers a notification: builds the oslo message
 * (serialized payload, the context reduced to the safe keys) and publishes it to every
 * topic ({@code messaging}, {@code messagingv2}) or writes it to the log ({@code log}). A
 * failure is logged and returned, never thrown, as in oslo. Shared by the notifiers that
 * {@link Notifier#prepare} and {@link Notifier#withObservations} derive. Thread-safe.
 */
final class NotificationDelivery {

	private static final Logger logger = LoggerFactory.getLogger(Notifier.class);

	private static final String LOG_DRIVER_LOGGER = "oslo.messaging.notification";

	private final Transport transport;

	private final NotifierDriver driver;

	private final List<String> topics;

	private final Serializer serializer;

	private final NotificationCodec codec;

	NotificationDelivery(Transport transport, NotifierDriver driver, List<String> topics, Serializer serializer,
			NotificationCodec codec) {
		if (topics.isEmpty()) {
			throw new IllegalArgumentException("at least one topic is required");
		}
		this.transport = transport;
		this.driver = driver;
		this.topics = List.copyOf(topics);
		this.serializer = serializer;
		this.codec = codec;
	}

	NotifierDriver driver() {
		return this.driver;
	}

	List<String> topics() {
		return this.topics;
	}

	/**
	 * Sends (or logs) a notification; returns the first failure, already logged.
	 */
	@Nullable RuntimeException deliver(@Nullable String publisherId, RpcContext context, String eventType,
			@Nullable Object payload, NotificationPriority priority) {
		NotificationMessage message;
		try {
			Object primitive = this.serializer.serializeEntity(context, payload);
			Map<String, @Nullable Object> safe = ContextSanitizer.sanitize(context.asMap());
			Map<String, @Nullable Object> ctxt = this.serializer.serializeContext(RpcContext.of(safe));
			message = NotificationMessage.create(publisherId, eventType, priority.wireName(), primitive, ctxt);
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

}
