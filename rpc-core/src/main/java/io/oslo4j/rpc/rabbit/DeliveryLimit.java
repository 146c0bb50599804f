package io.oslo4j.rpc.rabbit;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.oslo4j.rpc.transport.ThrottledLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The delivery limit of quorum queues: RabbitMQ drops (or dead-letters) a message that
 * was returned to its quorum queue more often than the queue's {@code x-delivery-limit}
 * (a server that crashed on it with {@code after-dispatch} acknowledgements, a listener
 * that answered {@code REQUEUE}). The limit is {@code rabbit_quorum_delivery_limit} when
 * it is set (oslo then declares the queues with it), else RabbitMQ 4's default of
 * {@value #RABBITMQ_4_DEFAULT} (RabbitMQ 3 has none).
 * <p>
 * Quorum queues count the returns of a message in its {@code x-delivery-count} header. A
 * delivery whose count has reached the limit is the message's last: if it is returned
 * once more the broker drops it. Such a delivery is counted ({@link #lastDeliveries()})
 * and logged as a warning, once per message (throttled), so that a poison message never
 * vanishes silently. Thread-safe; the check costs a header lookup, and only redelivered
 * messages carry the header.
 */
final class DeliveryLimit {

	/** The header in which quorum queues count a message's returns. */
	static final String HEADER = "x-delivery-count";

	/** RabbitMQ 4's delivery limit for quorum queues declared without one. */
	static final int RABBITMQ_4_DEFAULT = 20;

	private static final ThrottledLog log = new ThrottledLog(LoggerFactory.getLogger(DeliveryLimit.class), 5);

	private final int configured;

	private final AtomicLong lastDeliveries = new AtomicLong();

	/**
	 * Makes the limit.
	 * @param configured {@code rabbit_quorum_delivery_limit}, 0 for the broker's default
	 */
	DeliveryLimit(int configured) {
		this.configured = configured;
	}

	/**
	 * Returns the limit that applies on a broker.
	 * @param serverVersion the broker's version (its {@code version} server property), or
	 * {@code null} when unknown
	 * @return the limit, or 0 when there is none
	 */
	int limit(@Nullable Object serverVersion) {
		if (this.configured > 0) {
			return this.configured;
		}
		String version = (serverVersion != null) ? serverVersion.toString() : "";
		int dot = version.indexOf('.');
		try {
			return (dot > 0 && Integer.parseInt(version.substring(0, dot)) >= 4) ? RABBITMQ_4_DEFAULT : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * Checks a delivery: when it is the last one before the limit, counts and logs it.
	 * @param headers the delivery's headers
	 * @param queue the queue it came from
	 * @param serverProperties the connection's server properties (for the broker's
	 * version)
	 * @return whether this is the message's last delivery
	 */
	boolean check(Map<String, ?> headers, String queue, Map<String, ?> serverProperties) {
		if (!(headers.get(HEADER) instanceof Number count)) {
			return false;
		}
		int limit = limit(serverProperties.get("version"));
		if (limit <= 0 || count.longValue() < limit) {
			return false;
		}
		this.lastDeliveries.incrementAndGet();
		log.warn("A message from queue {} was returned {} times, RabbitMQ's delivery limit for it ({}): if it is "
				+ "requeued or its consumer fails once more, RabbitMQ drops it (or dead-letters it, with a "
				+ "dead-letter policy). Set rabbit_quorum_delivery_limit (on every oslo peer of the queue) to "
				+ "change the limit", queue, count.longValue(), limit);
		return true;
	}

	/**
	 * Returns how many deliveries were the last before the limit: messages that RabbitMQ
	 * drops unless their consumer acknowledges them.
	 * @return the count since the transport started
	 */
	long lastDeliveries() {
		return this.lastDeliveries.get();
	}

}
