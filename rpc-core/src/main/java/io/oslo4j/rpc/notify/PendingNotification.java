package io.oslo4j.rpc.notify;

import io.oslo4j.rpc.transport.IncomingMessage;
import org.jspecify.annotations.Nullable;

/**
 * A decoded notification waiting for its endpoints, with the message to settle
 * afterwards.
 *
 * @param message the transport message
 * @param notification the decoded notification
 * @param uniqueId its {@code _unique_id}, for duplicate detection
 */
record PendingNotification(IncomingMessage message, Notification notification, @Nullable String uniqueId) {
}
