package io.oslo4j.rpc.notify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.notify.NotificationDispatcher.Outcome;
import io.oslo4j.rpc.wire.NotificationMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport side of a {@link NotificationListener}: decodes each message, drops what
 * is not a notification, skips duplicates ({@code _unique_id} among the last 16 handled),
 * hands notifications to the dispatcher (directly or through a {@link BatchCollector})
 * and settles each message after its endpoints ran: acked, or rejected with requeue when
 * an endpoint asked for it and requeue is allowed. With an executor, all of this runs on
 * its threads; every message taken is observed as
 * {@value NotificationObservations#RECEIVED} with its outcome.
 */
final class NotificationReceiver implements DeliveryHandler {

	private static final Logger logger = LoggerFactory.getLogger(NotificationReceiver.class);

	private static final int DUPLICATE_WINDOW = 16;

	private final NotificationDispatcher dispatcher;

	private final NotificationListenerOptions options;

	private final @Nullable BatchCollector collector;

	private final @Nullable NotificationExecutor executor;

	private final ArrayDeque<String> recent = new ArrayDeque<>(DUPLICATE_WINDOW + 1);

	private final AtomicLong dropped = new AtomicLong();

	NotificationReceiver(NotificationDispatcher dispatcher, NotificationListenerOptions options, boolean batch,
			@Nullable NotificationExecutor executor) {
		this.dispatcher = dispatcher;
		this.options = options;
		this.collector = batch ? new BatchCollector(options.batchSize(), options.batchTimeout(), this::dispatch) : null;
		this.executor = executor;
	}

	@Override
	public void onMessage(IncomingMessage message) {
		NotificationExecutor current = this.executor;
		if (current != null) {
			current.execute(message, this::handle);
		}
		else {
			handle(message);
		}
	}

	private void handle(IncomingMessage message) {
		NotificationMessage decoded;
		try {
			decoded = this.options.codec().decode(message.body());
		}
		catch (RuntimeException ex) {
			drop(message, ex.getMessage());
			return;
		}
		NotificationPriority priority = NotificationPriority.fromWire(decoded.priority());
		if (priority == null) {
			logger.warn("Unknown priority \"{}\" in a notification from queue {}; dropping it", decoded.priority(),
					message.queue());
			message.ack();
			observeUnhandled(null, decoded.eventType(), NotificationObservations.DROPPED);
			return;
		}
		if (isDuplicate(decoded.uniqueId())) {
			logger.warn("Ignoring duplicate notification {} (_unique_id {})", decoded.messageId(), decoded.uniqueId());
			message.ack();
			observeUnhandled(priority, decoded.eventType(), NotificationObservations.DROPPED);
			return;
		}
		Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
		metadata.put("message_id", decoded.messageId());
		metadata.put("timestamp", decoded.timestamp());
		// as oslo's unpack_context: the context also holds client_timeout (the raw
		// _timeout, absent from notifications, so null)
		Map<String, @Nullable Object> entries = new LinkedHashMap<>(decoded.context());
		entries.put("client_timeout", null);
		RpcContext context = this.options.serializer().deserializeContext(entries);
		Notification notification = new Notification(context, decoded.publisherId(), decoded.eventType(), priority,
				decoded.payload(), java.util.Collections.unmodifiableMap(metadata));
		Observation observation = NotificationObservations.startReceived(this.options.observations(), priority,
				decoded.eventType());
		PendingNotification pending = new PendingNotification(message, notification, decoded.uniqueId(), observation);
		if (this.collector == null) {
			dispatch(List.of(pending));
		}
		else if (!this.collector.add(pending)) {
			message.reject(true);
			NotificationObservations.stop(observation, NotificationObservations.REQUEUED, null);
		}
	}

	/**
	 * Dispatches a batch (one message outside batch mode), priority by priority, and
	 * settles every message.
	 */
	private void dispatch(List<PendingNotification> batch) {
		Map<NotificationPriority, List<PendingNotification>> byPriority = new EnumMap<>(NotificationPriority.class);
		for (PendingNotification pending : batch) {
			byPriority.computeIfAbsent(pending.notification().priority(), (key) -> new ArrayList<>()).add(pending);
		}
		for (Map.Entry<NotificationPriority, List<PendingNotification>> group : byPriority.entrySet()) {
			Outcome outcome;
			try {
				outcome = this.dispatcher.dispatch(group.getKey(),
						group.getValue().stream().map(PendingNotification::notification).toList());
			}
			catch (RuntimeException ex) {
				logger.error("Exception during message handling", ex);
				outcome = Outcome.FAILED;
			}
			for (PendingNotification pending : group.getValue()) {
				settle(pending, outcome);
			}
		}
	}

	private void settle(PendingNotification pending, Outcome outcome) {
		String observed;
		if (outcome != Outcome.HANDLED && this.options.allowRequeue()) {
			pending.message().reject(true);
			observed = NotificationObservations.REQUEUED;
		}
		else {
			pending.message().ack();
			remember(pending.uniqueId());
			observed = switch (outcome) {
				case HANDLED -> NotificationObservations.HANDLED;
				case FAILED -> NotificationObservations.FAILED;
				case REQUEUE -> NotificationObservations.DROPPED;
			};
		}
		NotificationObservations.stop(pending.observation(), observed, null);
	}

	private void observeUnhandled(@Nullable NotificationPriority priority, @Nullable String eventType, String outcome) {
		NotificationObservations.stop(
				NotificationObservations.startReceived(this.options.observations(), priority, eventType), outcome,
				null);
	}

	private void drop(IncomingMessage message, @Nullable String reason) {
		long count = this.dropped.incrementAndGet();
		boolean requeue = this.options.requeueMalformed();
		if (count == 1 || Long.bitCount(count) == 1) {
			logger.warn("Dropping a message from queue {} that is not a notification ({}{}); {} so far",
					message.queue(), reason, requeue ? ", requeued" : "", count);
		}
		message.reject(requeue);
		observeUnhandled(null, null, requeue ? NotificationObservations.REQUEUED : NotificationObservations.DROPPED);
	}

	private synchronized boolean isDuplicate(@Nullable String uniqueId) {
		return uniqueId != null && this.recent.contains(uniqueId);
	}

	private synchronized void remember(@Nullable String uniqueId) {
		if (uniqueId != null && !this.recent.contains(uniqueId)) {
			this.recent.addLast(uniqueId);
			if (this.recent.size() > DUPLICATE_WINDOW) {
				this.recent.removeFirst();
			}
		}
	}

	/**
	 * Returns how many messages were dropped as malformed.
	 * @return the count
	 */
	long droppedCount() {
		return this.dropped.get();
	}

	/** Dispatches what the batch collector holds and refuses more. */
	void close() {
		if (this.collector != null) {
			this.collector.close();
		}
	}

}
