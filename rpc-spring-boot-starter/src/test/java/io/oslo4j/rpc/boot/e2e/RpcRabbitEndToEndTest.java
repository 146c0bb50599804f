package io.oslo4j.rpc.boot.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.boot.e2e.client.InventoryClient;
import io.oslo4j.rpc.boot.metrics.RpcMetricsAutoConfiguration;
import io.oslo4j.rpc.client.RpcClients;
import io.oslo4j.rpc.observation.RpcObservations;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Boot end to end on RabbitMQ: a client application context calls two server application
 * contexts through the {@code @RpcClient} proxy (call, async call, cast, fanout cast,
 * remote errors, per-call server and timeout, the context supplier), and Boot's meter
 * registries show the traffic.
 */
@Timeout(120)
class RpcRabbitEndToEndTest {

	private final String url = TestBroker.url();

	private final String topic = "boot_e2e_" + UUID.randomUUID().toString().substring(0, 8);

	private final List<String> queues = new ArrayList<>(List.of(this.topic, this.topic + ".s1", this.topic + ".s2"));

	@AfterEach
	void deleteQueues() {
		BrokerQueues.delete(this.queues);
	}

	@Test
	void aClientContextTalksToTwoServerContextsThroughRabbitMq() {
		RpcRunners.server(this.url, this.topic, "s1").run((s1) -> {
			RpcRunners.server(this.url, this.topic, "s2").run((s2) -> {
				RpcRunners.client(this.url, this.topic).run((client) -> {
					InventoryClient inventory = client.getBean(InventoryClient.class);
					assertThat(inventory.reserve("abc", 2)).isEqualTo(5);
					// the name of the reply queue the first call made, to delete it
					this.queues.add(client.getBean(Transport.class).replyQueue((message) -> {
					}));
					assertThat(inventory.reserveAsync("abcd", 1).get(10, TimeUnit.SECONDS)).isEqualTo(5);
					assertThat(inventory.whoami()).as("context from the RpcContextSupplier bean").isEqualTo("req-42");

					inventory.record("once");
					inventory.refresh("everyone");
					InventoryEndpoint.awaitCastAndFanout(s1.getBean(InventoryEndpoint.class),
							s2.getBean(InventoryEndpoint.class), "once", "everyone");

					assertThatExceptionOfType(OutOfStockException.class).isThrownBy(() -> inventory.take("abc"))
						.withMessage("no abc left")
						.withCauseInstanceOf(RemoteRpcException.class);
					assertThatExceptionOfType(RemoteRpcException.class).isThrownBy(() -> inventory.broken("abc"))
						.satisfies((ex) -> assertThat(ex.remoteClass()).isEqualTo("IllegalStateException"))
						.satisfies((ex) -> assertThat(ex.remoteMessage()).contains("broken abc"));

					for (String server : List.of("s1", "s2", "s2", "s1")) {
						assertThat(RpcClients.prepare(inventory, (p) -> p.server(server)).serverName())
							.isEqualTo(server);
					}
					lateReplyAfterAPerCallTimeout(inventory);

					printAndCheckMeters(client, s1, s2);
				});
			});
		});
	}

	private void lateReplyAfterAPerCallTimeout(InventoryClient inventory) {
		InventoryEndpoint.release = new CountDownLatch(1);
		try {
			InventoryClient impatient = RpcClients.prepare(inventory, (p) -> p.timeout(Duration.ofSeconds(1)));
			long start = System.nanoTime();
			assertThatExceptionOfType(RpcTimeoutException.class).isThrownBy(() -> impatient.slow("late"));
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			System.out.println("per-call timeout of 1 s took " + waited.toMillis() + " ms");
			assertThat(waited).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
		}
		finally {
			InventoryEndpoint.release.countDown();
		}
	}

	private void printAndCheckMeters(ApplicationContext client, ApplicationContext s1, ApplicationContext s2) {
		MeterRegistry meters = client.getBean(MeterRegistry.class);
		FunctionCounter late = meters.find(RpcMetricsAutoConfiguration.LATE_REPLIES).functionCounter();
		assertThat(late).isNotNull();
		await().atMost(Duration.ofSeconds(10)).until(() -> late.count() == 1);
		assertThat(clientTimer(meters, "reserve", "call", "success").count()).isEqualTo(1);
		assertThat(clientTimer(meters, "reserveAsync", "call", "success").count()).isEqualTo(1);
		assertThat(clientTimer(meters, "record", "cast", "success").count()).isEqualTo(1);
		assertThat(clientTimer(meters, "refresh", "fanout", "success").count()).isEqualTo(1);
		assertThat(clientTimer(meters, "take", "call", "remote_error").count()).isEqualTo(1);
		assertThat(clientTimer(meters, "slow", "call", "timeout").count()).isEqualTo(1);
		double served = serverCount(s1, "reserve") + serverCount(s2, "reserve");
		double refreshes = serverCount(s1, "refresh") + serverCount(s2, "refresh");
		assertThat(served).isEqualTo(1);
		assertThat(refreshes).isEqualTo(2);
		System.out.println("client timers:");
		for (Timer timer : meters.find(RpcObservations.CLIENT).timers()) {
			System.out.printf("  %-14s %-7s %-13s count=%d mean=%.2f ms%n", timer.getId().getTag("rpc.method"),
					timer.getId().getTag("rpc.kind"), timer.getId().getTag("outcome"), timer.count(),
					timer.mean(TimeUnit.MILLISECONDS));
		}
		System.out.println("late replies: " + late.count());
	}

	private Timer clientTimer(MeterRegistry meters, String method, String kind, String outcome) {
		Timer timer = meters.find(RpcObservations.CLIENT)
			.tags("rpc.topic", this.topic, "rpc.method", method, "rpc.kind", kind, "outcome", outcome)
			.timer();
		assertThat(timer).as("%s %s %s", method, kind, outcome).isNotNull();
		return timer;
	}

	private static double serverCount(ApplicationContext server, String method) {
		@Nullable Timer timer = server.getBean(MeterRegistry.class)
			.find(RpcObservations.SERVER)
			.tags("rpc.method", method, "outcome", "success")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

}
