package io.oslo4j.rpc.test;

import java.util.Map;

import io.oslo4j.rpc.Target;
import org.jspecify.annotations.Nullable;

/**
 * A notification the application published, decoded from the bytes that went to the
 * broker.
 *
 * @param target the notification topic and exchange (the control exchange when the
 * notifier named none)
 * @param priority the lower-case priority it was routed with, e.g. {@code info}
 * @param eventType the event type, e.g. {@code compute.instance.create.end}
 * @param publisherId the publisher id
 * @param payload the payload, as JSON values
 * @param context the context entries, without the {@code _context_} prefix
 */
public record RecordedNotification(Target target, String priority, @Nullable String eventType,
		@Nullable String publisherId, @Nullable Object payload, Map<String, @Nullable Object> context) {

}
