package io.oslo4j.rpc.boot.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.boot.e2e.RpcRunners;
import io.oslo4j.rpc.boot.e2e.client.InventoryClient;
import io.oslo4j.rpc.client.RpcClients;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.RabbitNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link RpcHealthIndicator} on a RabbitMQ node of its own (port 5741): UP with its
 * details, DOWN within 10 s of the broker going away and UP again after it is back (for a
 * server context and an idle client context), DOWN with a reason while a consumer is
 * dead.
 */
@Timeout(300)
class RpcHealthOnRabbitTest {

	private static final Duration DOWN_WITHIN = Duration.ofSeconds(10);

	@Test
	void healthFollowsTheBrokerAndTheConsumers() throws Exception {
		try (RabbitNode node = RabbitNode.builder("oslo4j-boot-health", 5741).start()) {
			String topic = "health_" + UUID.randomUUID().toString().substring(0, 8);
			RpcRunners.server(node.url(), topic, "s1")
				.run((server) -> RpcRunners.client(node.url(), topic).run((client) -> {
					RpcHealthIndicator serverHealth = server.getBean(RpcHealthIndicator.class);
					RpcHealthIndicator clientHealth = client.getBean(RpcHealthIndicator.class);
					InventoryClient inventory = client.getBean(InventoryClient.class);
					await().atMost(Duration.ofSeconds(10)).until(() -> isUp(serverHealth) && isUp(clientHealth));
					assertUpWithDetails(serverHealth.health(true), topic);
					assertThat(inventory.reserve("abc", 1)).isEqualTo(4);

					long start = System.nanoTime();
					node.stopApp();
					await().atMost(DOWN_WITHIN).until(() -> !isUp(serverHealth) && !isUp(clientHealth));
					Duration down = Duration.ofNanos(System.nanoTime() - start);
					System.out.println("health DOWN " + down.toMillis() + " ms after stop_app began");
					assertThat(down).isLessThan(DOWN_WITHIN);
					Health serverDown = timed("health while the broker is down", () -> serverHealth.health(true));
					assertThat(serverDown.getDetails()).containsEntry("reason", "not connected to the broker");
					assertThat(clientHealth.health(true).getStatus()).isEqualTo(Status.DOWN);

					start = System.nanoTime();
					node.startApp();
					await().atMost(Duration.ofSeconds(60)).until(() -> isUp(serverHealth) && isUp(clientHealth));
					System.out.println("health UP " + Duration.ofNanos(System.nanoTime() - start).toMillis()
							+ " ms after start_app began");
					assertThat(inventory.reserve("abcd", 1)).isEqualTo(5);

					try (Connection raw = BrokerQueues.rawConnectionFactory(node.url()).newConnection("hijack")) {
						// the server's queue is taken by another connection: its consumer
						// cannot come back
						Channel channel = raw.createChannel();
						channel.queueDelete(topic + ".s1");
						channel.queueDeclare(topic + ".s1", false, true, false, null);
						await().atMost(DOWN_WITHIN).until(() -> !isUp(serverHealth));
						Health dead = serverHealth.health(true);
						assertThat(dead.getDetails().get("reason")).asString()
							.startsWith("RPC servers not consuming")
							.contains(topic);
						assertThat(servers(dead).get(0)).containsEntry("running", false);
						assertThat((Integer) servers(dead).get(0).get("consumers")).isLessThan(3);
						assertThat(isUp(clientHealth)).isTrue();
					}
					await().atMost(Duration.ofSeconds(60)).until(() -> isUp(serverHealth));
					assertThat(RpcClients.prepare(inventory, (p) -> p.server("s1")).serverName()).isEqualTo("s1");
				}));
		}
	}

	private static void assertUpWithDetails(Health health, String topic) {
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("driver", "rabbit")
			.containsEntry("hosts", List.of("guest:****@127.0.0.1:5741"))
			.containsEntry("virtualHost", "/")
			.containsEntry("url", "rabbit://guest:****@127.0.0.1:5741/");
		assertThat(health.getDetails().get("topics")).asString().isEqualTo("[" + topic + "]");
		assertThat(servers(health)).singleElement()
			.satisfies((server) -> assertThat(server).containsEntry("topic", topic)
				.containsEntry("server", "s1")
				.containsEntry("running", true)
				.containsEntry("consumers", 3)
				.containsEntry("inFlight", 0));
		assertThat(health.toString()).doesNotContain("guest:guest");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> servers(Health health) {
		return (List<Map<String, Object>>) health.getDetails().get("servers");
	}

	private static boolean isUp(RpcHealthIndicator indicator) {
		return Status.UP.equals(indicator.health(true).getStatus());
	}

	private static <T> T timed(String what, Callable<T> action) throws Exception {
		long start = System.nanoTime();
		T result = action.call();
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		System.out.println(what + ": " + millis + " ms");
		assertThat(millis).as(what + " in ms").isLessThan(1000);
		return result;
	}

}
