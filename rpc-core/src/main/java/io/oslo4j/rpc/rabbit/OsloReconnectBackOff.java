package io.oslo4j.rpc.rabbit;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * oslo's reconnect back-off: wait {@code rabbit_retry_interval}, then
 * {@code rabbit_retry_backoff} more each time, up to {@code rabbit_interval_max}; never
 * gives up. Each wait gets up to {@code kombu_reconnect_splay} more, at random, so that
 * the services of a cloud do not all reconnect at the same moment after a broker restart.
 *
 * @param intervalMillis the first wait
 * @param incrementMillis the increase per attempt
 * @param maxMillis the longest wait (splay aside)
 * @param splayMillis the most random time added to a wait
 */
record OsloReconnectBackOff(long intervalMillis, long incrementMillis, long maxMillis,
		long splayMillis) implements BackOff {

	static OsloReconnectBackOff of(RabbitOptions options) {
		return new OsloReconnectBackOff(options.retryInterval().toMillis(), options.retryBackoff().toMillis(),
				Math.max(options.intervalMax().toMillis(), options.retryInterval().toMillis()),
				options.reconnectSplay().toMillis());
	}

	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private long next = OsloReconnectBackOff.this.intervalMillis;

			@Override
			public long nextBackOff() {
				long current = Math.min(this.next, OsloReconnectBackOff.this.maxMillis);
				this.next = current + OsloReconnectBackOff.this.incrementMillis;
				long splay = OsloReconnectBackOff.this.splayMillis;
				return (splay > 0) ? current + ThreadLocalRandom.current().nextLong(splay + 1) : current;
			}

		};
	}

}
