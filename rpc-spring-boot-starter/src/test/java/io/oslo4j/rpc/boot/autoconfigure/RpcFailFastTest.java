package io.oslo4j.rpc.boot.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;

import io.oslo4j.rpc.boot.e2e.InventoryEndpoint;
import io.oslo4j.rpc.boot.e2e.RpcRunners;
import io.oslo4j.rpc.boot.e2e.client.InventoryClient;
import io.oslo4j.rpc.boot.health.RpcHealthIndicator;
import io.oslo4j.rpc.test.RabbitNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An unreachable broker at startup: with {@code rpc.fail-fast=true} startup fails within
 * {@code rpc.connect-timeout} with the analyzer's description and action; with
 * {@code rpc.fail-fast=false} the application starts, says so once, is DOWN, and serves
 * as soon as a broker appears on the port (a RabbitMQ node of its own, port 5742).
 */
@Timeout(300)
@ExtendWith(OutputCaptureExtension.class)
class RpcFailFastTest {

	private static final int LATE_BROKER_PORT = 5742;

	@Test
	void failFastOnAPortNothingListensOnFailsStartupWithTheAnalysis() throws IOException {
		int port = freePort();
		long start = System.nanoTime();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
			.withPropertyValues("rpc.transport-url=rabbit://nova:s3cret@127.0.0.1:" + port + "/", "rpc.fail-fast=true",
					"rpc.connect-timeout=3s")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new RpcBrokerUnavailableFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("rabbit://nova:****@127.0.0.1:" + port + "/")
					.contains("rpc.fail-fast is true")
					.contains("PT3S")
					.doesNotContain("s3cret");
				assertThat(analysis.getAction()).contains("rpc.transport-url=rabbit://")
					.contains("rpc.fail-fast=false");
			});
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("fail-fast startup failure after " + took.toMillis() + " ms");
		assertThat(took).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void withoutFailFastTheAppStartsAndServesOnceABrokerAppears(CapturedOutput output) {
		assertThat(isListening(LATE_BROKER_PORT)).as("port %d must be free for the late broker", LATE_BROKER_PORT)
			.isFalse();
		String url = "rabbit://guest:guest@127.0.0.1:" + LATE_BROKER_PORT + "/";
		String topic = "failfast_" + UUID.randomUUID().toString().substring(0, 8);
		long start = System.nanoTime();
		RpcRunners.client(url, topic)
			.withBean(InventoryEndpoint.class)
			.withPropertyValues("rpc.server.enabled=true", "spring.application.name=" + topic, "rpc.server.name=s1",
					"rpc.connect-timeout=2s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				System.out.println("started without a broker in " + millisSince(start) + " ms");
				RpcHealthIndicator health = context.getBean(RpcHealthIndicator.class);
				Health down = health.health(true);
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails()).containsEntry("reason", "not connected to the broker");
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(output.getOut()).containsOnlyOnce("is not reachable within PT2S"));
				try (RabbitNode node = RabbitNode.builder("oslo4j-boot-failfast", LATE_BROKER_PORT).start()) {
					long ready = System.nanoTime();
					await().atMost(Duration.ofSeconds(60))
						.until(() -> Status.UP.equals(health.health(true).getStatus()));
					System.out.println("health UP " + millisSince(ready) + " ms after the broker appeared");
					InventoryClient inventory = context.getBean(InventoryClient.class);
					assertThat(inventory.reserve("abc", 2)).isEqualTo(5);
					assertThat(context.getBean(RpcEndpointRegistry.class).servers()).singleElement()
						.satisfies((server) -> assertThat(server.consumerCount()).isEqualTo(3));
					assertThat(output.getOut()).as("stack traces logged").doesNotContain("\tat ");
					assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN ")).toList())
						.as("warnings")
						.hasSizeLessThanOrEqualTo(2);
					assertThat(node.ctl("list_queues", "name")).contains(topic + "_fanout_");
					context.close();
					assertThat(node.ctl("list_queues", "name")).as("the fanout queue is deleted on close")
						.doesNotContain(topic + "_fanout_");
				}
			});
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static boolean isListening(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			return socket.isConnected();
		}
		catch (IOException ex) {
			return false;
		}
	}

}
