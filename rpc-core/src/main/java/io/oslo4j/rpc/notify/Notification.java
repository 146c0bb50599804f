package io.oslo4j.rpc.notify;

import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import org.jspecify.annotations.Nullable;

/**
 * One received notification, as oslo's dispatcher hands it to batch endpoints:
 * {@code ctxt}, {@code publisher_id}, {@code event_type}, {@code payload} and
 * {@code metadata} ({@code message_id} and {@code timestamp}).
 *
 * @param context the sanitized context the notifier sent
 * @param publisherId the publisher id, or {@code null} when absent
 * @param eventType the event type, or {@code null} when absent
 * @param priority the priority
 * @param payload the payload as JSON-ready values (maps, lists, strings, numbers,
 * booleans, {@code null})
 * @param metadata {@code message_id} and {@code timestamp}, in this order (values may be
 * {@code null})
 */
public record Notification(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
		NotificationPriority priority, @Nullable Object payload, Map<String, @Nullable Object> metadata) {

	/**
	 * Returns {@code metadata["message_id"]}.
	 * @return the message id
	 */
	public @Nullable String messageId() {
		return (String) this.metadata.get("message_id");
	}

	/**
	 * Returns {@code metadata["timestamp"]}.
	 * @return the timestamp text
	 */
	public @Nullable String timestamp() {
		return (String) this.metadata.get("timestamp");
	}

}
