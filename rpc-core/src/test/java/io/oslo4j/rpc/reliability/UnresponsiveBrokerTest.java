package io.oslo4j.rpc.reliability;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker that takes the TCP connection but never answers (a hung node, a black-holing
 * proxy): a generous {@code connect(Duration)} gives up after {@code connection_timeout},
 * handshake included, and {@code isConnected()} and {@code connect(ZERO)} (health checks)
 * answer at once, leaving the reconnection to the background.
 */
@Timeout(60)
class UnresponsiveBrokerTest {

	@Test
	void connectGivesUpAfterTheConnectionTimeoutAndChecksNeverBlock() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				Transport transport = Transports.create("rabbit://guest:guest@127.0.0.1:" + silent.getLocalPort()
						+ "/?connection_timeout=2&rabbit_retry_interval=1")) {
			long start = System.nanoTime();
			assertThat(transport.connect(Duration.ofSeconds(20))).isFalse();
			double first = (System.nanoTime() - start) / 1e9;
			double slowest = 0;
			for (int i = 0; i < 20; i++) {
				long check = System.nanoTime();
				assertThat(transport.isConnected()).isFalse();
				assertThat(transport.connect(Duration.ZERO)).isFalse();
				slowest = Math.max(slowest, (System.nanoTime() - check) / 1e9);
			}
			System.out
				.printf("[faults] unresponsive broker: connect(20 s) gave up after %.2f s (connection_timeout 2 s), "
						+ "slowest of the next 20 %.3f s%n", first, slowest);
			assertThat(first).as("first check, s").isBetween(0.5, 3.0);
			assertThat(slowest).as("later checks, s").isLessThan(0.2);
		}
	}

}
