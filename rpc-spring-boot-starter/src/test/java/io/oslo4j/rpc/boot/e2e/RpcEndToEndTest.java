package io.oslo4j.rpc.boot.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.boot.autoconfigure.EnableRpcClients;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcContextSupplier;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.e2e.client.InventoryClient;
import io.oslo4j.rpc.boot.health.RpcHealthContributorAutoConfiguration;
import io.oslo4j.rpc.boot.health.RpcHealthIndicator;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Spring contexts on one {@code fake://} vhost: servers with an {@code @RpcEndpoint},
 * a client with an {@code @RpcClient} interface.
 */
@Timeout(60)
class RpcEndToEndTest {

	private final String url = "fake:///" + MessageIds.next();

	private final ApplicationContextRunner server = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RpcAutoConfiguration.class, RpcHealthContributorAutoConfiguration.class))
		.withBean(InventoryEndpoint.class)
		.withPropertyValues("rpc.transport-url=" + this.url, "spring.application.name=inventory",
				"rpc.server.shutdown-timeout=20s");

	private final ApplicationContextRunner client = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RpcAutoConfiguration.class, RpcHealthContributorAutoConfiguration.class))
		.withUserConfiguration(ClientConfiguration.class)
		.withPropertyValues("rpc.transport-url=" + this.url, "rpc.clients.inventory.topic=inventory",
				"rpc.clients.inventory.timeout=10s", "rpc.server.enabled=false");

	@Test
	void aClientContextCallsCastsAndFansOutToServerContexts() {
		this.server.withPropertyValues("rpc.server.name=s1").run((s1) -> {
			this.server.withPropertyValues("rpc.server.name=s2").run((s2) -> {
				this.client.run((context) -> {
					InventoryClient inventory = context.getBean(InventoryClient.class);
					assertThat(inventory.reserve("abc", 2)).isEqualTo(5);
					assertThat(inventory.reserveAsync("abcd", 1).get(10, TimeUnit.SECONDS)).isEqualTo(5);
					assertThat(inventory.whoami()).isEqualTo("req-42");
					inventory.record("once");
					inventory.refresh("everyone");
					InventoryEndpoint one = s1.getBean(InventoryEndpoint.class);
					InventoryEndpoint two = s2.getBean(InventoryEndpoint.class);
					await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
						assertThat(one.events).contains("everyone");
						assertThat(two.events).contains("everyone");
						assertThat(List.of(one.events, two.events)).filteredOn((events) -> events.contains("once"))
							.hasSize(1);
					});
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					Timer calls = meters.find("rpc.client.requests")
						.tags("rpc.topic", "inventory", "rpc.method", "reserve", "rpc.kind", "call", "outcome",
								"success")
						.timer();
					assertThat(calls).isNotNull();
					assertThat(calls.count()).isEqualTo(1);
					assertThat(meters.find("rpc.client.requests").tags("rpc.kind", "fanout").timer()).isNotNull();
				});
			});
		});
	}

	@Test
	void healthIsUpWithTheServersInItsDetails() {
		this.server.withPropertyValues("rpc.server.name=s1").run((context) -> {
			Health health = context.getBean(RpcHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("driver", "fake").containsKey("hosts");
			assertThat(health.getDetails().get("servers")).asString().contains("topic=inventory").contains("server=s1");
		});
	}

	@Test
	void gracefulStopLetsAnInFlightCallFinish() {
		InventoryEndpoint.release = new CountDownLatch(1);
		this.server.withPropertyValues("rpc.server.name=s1").run((serverContext) -> {
			this.client.run((clientContext) -> {
				InventoryClient inventory = clientContext.getBean(InventoryClient.class);
				RpcEndpointRegistry registry = serverContext.getBean(RpcEndpointRegistry.class);
				RpcServer rpcServer = registry.servers().get(0);
				CompletableFuture<String> reply = inventory.slowAsync("done");
				await().atMost(Duration.ofSeconds(10)).until(() -> rpcServer.inFlight() == 1);
				CompletableFuture<Void> closing = CompletableFuture.runAsync(serverContext::close);
				await().atMost(Duration.ofSeconds(10)).until(() -> !registry.isRunning());
				assertThat(closing).isNotDone();
				InventoryEndpoint.release.countDown();
				assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("DONE");
				closing.get(10, TimeUnit.SECONDS);
				assertThat(rpcServer.isRunning()).isFalse();
			});
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableRpcClients(basePackageClasses = InventoryClient.class)
	static class ClientConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
			return registry;
		}

		@Bean
		RpcContextSupplier rpcContextSupplier() {
			return () -> RpcContext.of(Map.of("request_id", "req-42"));
		}

	}

}
