package io.oslo4j.rpc.boot.e2e;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.e2e.client.InventoryClient;
import io.oslo4j.rpc.boot.health.RpcHealthIndicator;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Spring contexts on one {@code fake://} vhost: servers with an {@code @RpcEndpoint},
 * a client with an {@code @RpcClient} interface.
 */
@Timeout(60)
class RpcEndToEndTest {

	private final String url = "fake:///" + MessageIds.next();

	private final ApplicationContextRunner server = RpcRunners.server(this.url, "inventory", "s1");

	private final ApplicationContextRunner client = RpcRunners.client(this.url, "inventory");

	@Test
	void aClientContextCallsCastsAndFansOutToServerContexts() {
		this.server.run((s1) -> {
			this.server.withPropertyValues("rpc.server.name=s2").run((s2) -> {
				this.client.run((context) -> {
					InventoryClient inventory = context.getBean(InventoryClient.class);
					assertThat(inventory.reserve("abc", 2)).isEqualTo(5);
					assertThat(inventory.reserveAsync("abcd", 1).get(10, TimeUnit.SECONDS)).isEqualTo(5);
					assertThat(inventory.whoami()).isEqualTo("req-42");
					inventory.record("once");
					inventory.refresh("everyone");
					InventoryEndpoint.awaitCastAndFanout(s1.getBean(InventoryEndpoint.class),
							s2.getBean(InventoryEndpoint.class), "once", "everyone");
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
		this.server.run((context) -> {
			Health health = context.getBean(RpcHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("driver", "fake").containsKey("hosts");
			assertThat(health.getDetails().get("servers")).asString().contains("topic=inventory").contains("server=s1");
		});
	}

	@Test
	void gracefulStopLetsAnInFlightCallFinish() {
		InventoryEndpoint.release = new CountDownLatch(1);
		this.server.run((serverContext) -> {
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

}
