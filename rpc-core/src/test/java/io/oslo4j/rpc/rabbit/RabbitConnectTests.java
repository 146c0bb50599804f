package io.oslo4j.rpc.rabbit;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code connect(Duration)} on RabbitMQ: bounded by its own timeout, never by
 * {@code connection_timeout}; {@code isConnected()} never blocks.
 */
@Timeout(60)
class RabbitConnectTests {

	@Test
	void connectsToTheBrokerWithinTheTimeout() {
		try (RabbitTransport transport = RabbitTestSupport.transport(TransportSettings.defaults())) {
			assertThat(transport.isConnected()).as("connected before connect()").isFalse();
			assertThat(transport.connect(Duration.ofSeconds(10))).isTrue();
			assertThat(transport.isConnected()).isTrue();
			assertThat(transport.connect(Duration.ZERO)).isTrue();
			transport.close();
			assertThat(transport.connect(Duration.ofSeconds(1))).isFalse();
			assertThat(transport.isConnected()).isFalse();
		}
	}

	@Test
	void aBrokerThatNeverAnswersTheHandshakeDoesNotHoldTheCallerForTheConnectionTimeout() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			List<Socket> accepted = new ArrayList<>();
			Thread acceptor = new Thread(() -> acceptForever(silent, accepted), "silent-broker");
			acceptor.setDaemon(true);
			acceptor.start();
			TransportUrl url = TransportUrl.parse("rabbit://guest:guest@127.0.0.1:" + silent.getLocalPort() + "/");
			try (RabbitTransport transport = new RabbitTransport(url, TransportSettings.defaults())) {
				assertThat(transport.options().connectionTimeout()).isEqualTo(Duration.ofSeconds(30));
				long start = System.nanoTime();
				boolean connected = transport.connect(Duration.ofMillis(500));
				Duration first = Duration.ofNanos(System.nanoTime() - start);
				start = System.nanoTime();
				boolean probe = transport.connect(Duration.ZERO);
				Duration second = Duration.ofNanos(System.nanoTime() - start);
				start = System.nanoTime();
				boolean state = transport.isConnected();
				Duration third = Duration.ofNanos(System.nanoTime() - start);
				System.out.printf("connect(500ms) on a silent broker: %d ms, connect(0): %d ms, isConnected(): %d ms%n",
						first.toMillis(), second.toMillis(), third.toMillis());
				assertThat(connected).isFalse();
				assertThat(probe).isFalse();
				assertThat(state).isFalse();
				assertThat(first).isLessThan(Duration.ofSeconds(3));
				assertThat(second).isLessThan(Duration.ofSeconds(1));
				assertThat(third).isLessThan(Duration.ofSeconds(1));
			}
			finally {
				synchronized (accepted) {
					for (Socket socket : accepted) {
						socket.close();
					}
				}
			}
		}
	}

	@Test
	void aPortNothingListensOnIsReportedAsNotConnected() throws Exception {
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		TransportUrl url = TransportUrl.parse("rabbit://guest:guest@127.0.0.1:" + port + "/");
		try (RabbitTransport transport = new RabbitTransport(url, TransportSettings.defaults())) {
			long start = System.nanoTime();
			assertThat(transport.connect(Duration.ofSeconds(5))).isFalse();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			System.out.println("connect(5s) to a closed port: " + took.toMillis() + " ms");
			assertThat(took).as("a refused connection is reported at once").isLessThan(Duration.ofSeconds(3));
			assertThatIllegalArgumentException().isThrownBy(() -> transport.connect(Duration.ofSeconds(-1)))
				.withMessageContaining("PT-1S");
		}
	}

	private static void acceptForever(ServerSocket server, List<Socket> accepted) {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				synchronized (accepted) {
					accepted.add(socket);
				}
			}
			catch (java.io.IOException ex) {
				return;
			}
		}
	}

}
