package io.oslo4j.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two sample instances on the real RabbitMQ, with different server names: calls are
 * shared, {@code topic.server} reaches one, fanout reaches both. The broker is
 * {@code OSLO4J_TEST_RABBIT_URL} or the local one; under {@code CI=true} it must be
 * there.
 */
@Timeout(120)
class SampleOnRabbitTest {

	private static final String TOPIC = "sample_" + UUID.randomUUID().toString().substring(0, 8);

	private static final String NOTIFICATIONS = TOPIC + "_notifications";

	private static ConfigurableApplicationContext one;

	private static ConfigurableApplicationContext two;

	@BeforeAll
	static void start() {
		String url = brokerUrl();
		one = start(url, "alpha");
		two = start(url, "beta");
	}

	@AfterAll
	static void stop() {
		if (one != null) {
			one.close();
		}
		if (two != null) {
			two.close();
		}
		deleteQueues(TOPIC, TOPIC + ".alpha", TOPIC + ".beta", NOTIFICATIONS + ".info");
	}

	private static void deleteQueues(String... names) {
		com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
		factory.setHost("127.0.0.1");
		try (com.rabbitmq.client.Connection connection = factory.newConnection("sample-test-cleanup");
				com.rabbitmq.client.Channel channel = connection.createChannel()) {
			for (String name : names) {
				channel.queueDelete(name);
			}
		}
		catch (IOException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Cannot delete the test queues", ex);
		}
	}

	private static ConfigurableApplicationContext start(String url, String name) {
		return new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
				"--rpc.transport-url=" + url, "--rpc.server.topic=" + TOPIC, "--rpc.server.name=" + name,
				"--rpc.clients.calculator.topic=" + TOPIC, "--rpc.clients.control.topic=" + TOPIC,
				"--rpc.notifications.topics=" + NOTIFICATIONS, "--rpc.fail-fast=true");
	}

	private static SampleApiClient api(ConfigurableApplicationContext context) {
		return new SampleApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
	}

	@Test
	void callsAreSharedBetweenTheInstances() {
		Set<String> servers = new HashSet<>();
		for (int i = 0; i < 20 && servers.size() < 2; i++) {
			servers.add(String.valueOf(api(one).get("/api/whoami").json().get("server")));
		}
		assertThat(servers).containsExactlyInAnyOrder("alpha", "beta");
	}

	@Test
	void aServerTargetReachesOnlyThatInstance() {
		for (int i = 0; i < 5; i++) {
			assertThat(api(one).get("/api/ping?server=beta").body()).isEqualTo("\"beta\"");
			assertThat(api(two).get("/api/ping?server=alpha").body()).isEqualTo("\"alpha\"");
		}
	}

	@Test
	void aFanoutReachesBothInstances() {
		long beforeOne = one.getBean(ControlEndpoint.class).refreshes();
		long beforeTwo = two.getBean(ControlEndpoint.class).refreshes();
		assertThat(api(one).post("/api/refresh", java.util.Map.of()).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(one.getBean(ControlEndpoint.class).refreshes()).isEqualTo(beforeOne + 1);
			assertThat(two.getBean(ControlEndpoint.class).refreshes()).isEqualTo(beforeTwo + 1);
		});
	}

	@Test
	void recordedEventsAreNotifiedAndTheInstancesShareTheNotifications() {
		long before = received(one) + received(two);
		for (int i = 0; i < 10; i++) {
			assertThat(api(i % 2 == 0 ? one : two).post("/api/record", java.util.Map.of("i", i)).status())
				.isEqualTo(202);
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(received(one) + received(two)).isEqualTo(before + 10));
		System.out.printf("sample on RabbitMQ: alpha received %d, beta %d notifications%n", received(one),
				received(two));
	}

	private static long received(ConfigurableApplicationContext context) {
		return ((Number) api(context).get("/api/notifications").json().get("received")).longValue();
	}

	@Test
	void healthIsUpOnRabbit() {
		String health = api(two).get("/actuator/health").body();
		assertThat(health).contains("\"rpc\"").contains("rabbit://guest:****@").doesNotContain("guest:guest");
	}

	static String brokerUrl() {
		String url = System.getenv("OSLO4J_TEST_RABBIT_URL");
		if (url == null || url.isBlank()) {
			url = "rabbit://guest:guest@127.0.0.1:5672/";
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
		}
		catch (IOException ex) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("RabbitMQ is required under CI=true: " + ex.getMessage(), ex);
			}
			Assumptions.abort("RabbitMQ is not reachable: " + ex.getMessage());
		}
		return url;
	}

}
