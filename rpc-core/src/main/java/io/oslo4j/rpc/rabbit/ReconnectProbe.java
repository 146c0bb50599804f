package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * Decides when the listener containers of a transport may restart the consumers they lost
 * with the connection: once the consumer connection is open again. While the broker is
 * unreachable, one connection attempt is made per {@code rabbit_retry_interval} for the
 * whole transport, instead of one per container each logging an error with a stack trace;
 * the loss is logged once as a warning, the recovery once as info.
 * <p>
 * The interval stays fixed rather than growing as oslo's reconnect back-off does: an
 * attempt on a stopped broker is one refused TCP connection, and a fixed interval bounds
 * how long consumers stay away after the broker is back (one to two intervals, the
 * container monitor ticking at the same interval), however long the outage was.
 */
final class ReconnectProbe {

	private static final Logger logger = LoggerFactory.getLogger(ReconnectProbe.class);

	private final ConnectionFactory connectionFactory;

	private final BooleanSupplier connected;

	private final long intervalNanos;

	private final String broker;

	private long nextAttemptNanos;

	private long lostSinceNanos = -1;

	/**
	 * Makes a probe.
	 * @param connectionFactory the consumer connection factory
	 * @param connected whether its connection is open, without opening it
	 * @param interval the time between connection attempts
	 * @param broker the broker, for the log (no password)
	 */
	ReconnectProbe(ConnectionFactory connectionFactory, BooleanSupplier connected, Duration interval, String broker) {
		this.connectionFactory = connectionFactory;
		this.connected = connected;
		this.intervalNanos = interval.toNanos();
		this.broker = broker;
	}

	/**
	 * Returns whether the consumer connection is open, trying to open it when it is not
	 * and the last attempt is at least one interval ago.
	 * @return whether consumers can be restarted now
	 */
	synchronized boolean connected() {
		if (this.connected.getAsBoolean()) {
			recovered();
			return true;
		}
		long now = System.nanoTime();
		if (this.lostSinceNanos >= 0 && now - this.nextAttemptNanos < 0) {
			return false;
		}
		try {
			this.connectionFactory.createConnection();
			recovered();
			return true;
		}
		catch (AmqpException ex) {
			if (this.lostSinceNanos < 0) {
				this.lostSinceNanos = now;
				logger.warn("Lost the consumer connection to {} ({}); reconnecting every {} ms", this.broker,
						BrokerErrors.describe(ex), TimeUnit.NANOSECONDS.toMillis(this.intervalNanos));
			}
			else {
				logger.debug("Still cannot reconnect to {}: {}", this.broker, BrokerErrors.describe(ex));
			}
			this.nextAttemptNanos = System.nanoTime() + this.intervalNanos;
			return false;
		}
	}

	private void recovered() {
		if (this.lostSinceNanos >= 0) {
			logger.info("Reconnected to {} after {} ms", this.broker,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.lostSinceNanos));
			this.lostSinceNanos = -1;
		}
	}

}
