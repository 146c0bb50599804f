package io.oslo4j.rpc.wire;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An oslo notification (the inner message a {@code Notifier} sends), with oslo's keys in
 * oslo's order: {@code message_id}, {@code publisher_id}, {@code event_type},
 * {@code priority}, {@code payload}, {@code timestamp}, {@code _unique_id},
 * {@code _context_*}.
 * <p>
 * Receiving: string fields are {@code null} when absent or not strings (oslo's
 * {@code message.get(...)}); {@code payload} is whatever JSON value came.
 *
 * @param messageId {@code str(uuid4())}, with dashes
 * @param publisherId who sent it, e.g. {@code compute.host1}
 * @param eventType e.g. {@code compute.instance.create.end}
 * @param priority upper case: {@code AUDIT}, {@code DEBUG}, {@code INFO}, {@code WARN},
 * {@code ERROR}, {@code CRITICAL}, {@code SAMPLE}
 * @param payload the payload (JSON-ready value or a POJO the mapper can write)
 * @param timestamp {@code str(utcnow())}: {@code YYYY-MM-DD HH:MM:SS[.ffffff]}
 * @param uniqueId the duplicate-detection id (32 hex digits)
 * @param context the (sanitized) context entries, without the {@code _context_} prefix
 */
public record NotificationMessage(@Nullable String messageId, @Nullable String publisherId, @Nullable String eventType,
		@Nullable String priority, @Nullable Object payload, @Nullable String timestamp, @Nullable String uniqueId,
		Map<String, @Nullable Object> context) {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/**
	 * Returns a new notification with fresh ids and the current UTC time.
	 * @param publisherId the publisher id
	 * @param eventType the event type
	 * @param priority the upper-case priority
	 * @param payload the payload
	 * @param context the sanitized context
	 * @return the notification
	 */
	public static NotificationMessage create(String publisherId, String eventType, String priority,
			@Nullable Object payload, Map<String, @Nullable Object> context) {
		return new NotificationMessage(UUID.randomUUID().toString(), publisherId, eventType, priority, payload,
				timestamp(Instant.now()), MessageIds.next(), context);
	}

	/**
	 * Formats an instant as Python's {@code str(datetime.utcnow())}: UTC, a space between
	 * date and time, microseconds only when they are not 0.
	 * @param instant the instant
	 * @return the text, e.g. {@code 2026-11-23 19:02:47.849287}
	 */
	public static String timestamp(Instant instant) {
		LocalDateTime time = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
		String seconds = SECONDS.format(time);
		int micros = time.getNano() / 1000;
		return (micros == 0) ? seconds : seconds + "." + String.format("%06d", micros);
	}

}
