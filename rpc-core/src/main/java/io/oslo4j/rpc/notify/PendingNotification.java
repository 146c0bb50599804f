package io.oslo4j.rpc.notify;

import io.micrometer.observation.Observation;
import io.oslo4j.rpc.transport.IncomingMessage;
import org.jspecify.annotations.Nullable;

/**
 * A decoded notification waiting for its endpoints, with the message to settle
 * afterwards.
 *
 * @param message the transport message
 * @param notification the decoded notification
 * @param uniqueId its {@code _unique_id}, for duplicate detection
 * @param observation its observation, stopped when the message is settled; {@code null}
 * without observations
 */
record PendingNotification(IncomingMessage message, Notification notification, @Nullable String uniqueId,
		@Nullable Observation observation) {
}
