package io.oslo4j.rpc.rabbit;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * oslo's reconnect back-off: wait {@code rabbit_retry_interval}, then
 * {@code rabbit_retry_backoff} more each time, up to {@code rabbit_interval_max}; never
 * gives up.
 *
 * @param intervalMillis the first wait
 * @param incrementMillis the increase per attempt
 * @param maxMillis the longest wait
 */
record OsloReconnectBackOff(long intervalMillis, long incrementMillis, long maxMillis) implements BackOff {

	static OsloReconnectBackOff of(RabbitOptions options) {
		return new OsloReconnectBackOff(options.retryInterval().toMillis(), options.retryBackoff().toMillis(),
				Math.max(options.intervalMax().toMillis(), options.retryInterval().toMillis()));
	}

	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private long next = OsloReconnectBackOff.this.intervalMillis;

			@Override
			public long nextBackOff() {
				long current = Math.min(this.next, OsloReconnectBackOff.this.maxMillis);
				this.next = current + OsloReconnectBackOff.this.incrementMillis;
				return current;
			}

		};
	}

}
