package io.oslo4j.rpc.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * A node of the Debian 13 root's RabbitMQ 4.0.5 starts through chroot with its own epmd,
 * takes {@code rabbitmq.conf} lines (here the strict setting of RabbitMQ 4.3, which
 * refuses the transient non-exclusive queues of oslo's default mode), can be killed, and
 * leaves neither its VM nor its epmd behind.
 */
@Timeout(180)
class Debian13RabbitNodeTest {

	private static final int PORT = 5779;

	private static final int EPMD_PORT = PORT + 40000;

	@Test
	void startsTheRootsRabbitMqAndRefusesTransientNonExclusiveQueuesWhenToldTo() throws Exception {
		Debian13Root root = Debian13Root.require();
		try (RabbitNode node = RabbitNode.builder("oslo4j-debian13-selftest", PORT)
			.debian13()
			.config("deprecated_features.permit.transient_nonexcl_queues = false")
			.start()) {
			assertThat(node.ctl("-q", "version").strip()).isEqualTo("4.0.5");
			assertThat(node.directory()).startsWith(root.path());
			assertThat(isListening(EPMD_PORT)).isTrue();
			Connection connection = factory().newConnection();
			try {
				Channel exclusive = connection.createChannel();
				assertThat(exclusive.queueDeclare("", false, true, true, null).getQueue()).startsWith("amq.gen-");
				// a connection error (541 INTERNAL_ERROR), not a 406 channel error
				assertThatIOException()
					.isThrownBy(() -> connection.createChannel()
						.queueDeclare("oslo4j-transient-nonexclusive", false, false, false, null))
					.havingRootCause()
					.withMessageContaining("reply-code=541")
					.withMessageContaining("transient_nonexcl_queues");
				assertThat(connection.isOpen()).isFalse();
			}
			finally {
				connection.abort();
			}
			node.kill();
			assertThat(isListening(PORT)).isFalse();
		}
		// close() stopped the killed node's own epmd
		await().atMost(Duration.ofSeconds(10)).until(() -> !isListening(EPMD_PORT));
	}

	private static ConnectionFactory factory() {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setPort(PORT);
		factory.setConnectionTimeout((int) Duration.ofSeconds(5).toMillis());
		factory.setAutomaticRecoveryEnabled(false);
		return factory;
	}

	private static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
