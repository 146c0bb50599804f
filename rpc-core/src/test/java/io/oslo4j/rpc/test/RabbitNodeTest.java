package io.oslo4j.rpc.test;

import java.time.Duration;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The test support for extra RabbitMQ nodes works: a node starts on its own port, its
 * application stops and starts, and it stops for good.
 */
@Timeout(180)
class RabbitNodeTest {

	@Test
	void startsStopsAndRestartsItsOwnNode() throws Exception {
		try (RabbitNode node = RabbitNode.builder("oslo4j-selftest", 5719).start()) {
			assertThat(node.url()).isEqualTo("rabbit://guest:guest@127.0.0.1:5719/");
			assertThat(canConnect(node)).isTrue();
			node.stopApp();
			assertThatException().isThrownBy(() -> canConnect(node));
			node.startApp();
			assertThat(canConnect(node)).isTrue();
			assertThat(node.ctl("status")).contains(node.nodeName());
			node.stop();
			assertThatException().isThrownBy(() -> canConnect(node));
		}
	}

	private static boolean canConnect(RabbitNode node) throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setPort(node.port());
		factory.setConnectionTimeout((int) Duration.ofSeconds(5).toMillis());
		try (Connection connection = factory.newConnection()) {
			return connection.isOpen();
		}
	}

}
