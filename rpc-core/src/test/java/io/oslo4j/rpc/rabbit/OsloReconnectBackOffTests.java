package io.oslo4j.rpc.rabbit;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OsloReconnectBackOff}: oslo's growing waits and {@code kombu_reconnect_splay}.
 */
class OsloReconnectBackOffTests {

	@Test
	void waitsGrowUpToTheMaximum() {
		BackOffExecution waits = new OsloReconnectBackOff(1000, 2000, 4000, 0).start();
		assertThat(waits.nextBackOff()).isEqualTo(1000);
		assertThat(waits.nextBackOff()).isEqualTo(3000);
		assertThat(waits.nextBackOff()).isEqualTo(4000);
		assertThat(waits.nextBackOff()).isEqualTo(4000);
	}

	@Test
	void splayAddsUpToItsValueAtRandom() {
		BackOffExecution waits = new OsloReconnectBackOff(1000, 0, 1000, 500).start();
		long min = Long.MAX_VALUE;
		long max = 0;
		for (int i = 0; i < 2000; i++) {
			long wait = waits.nextBackOff();
			min = Math.min(min, wait);
			max = Math.max(max, wait);
		}
		assertThat(min).isBetween(1000L, 1050L);
		assertThat(max).isBetween(1450L, 1500L);
	}

}
