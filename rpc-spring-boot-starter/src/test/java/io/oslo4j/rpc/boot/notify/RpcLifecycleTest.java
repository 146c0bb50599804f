package io.oslo4j.rpc.boot.notify;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcClientFactory;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.autoconfigure.RpcTransportConnector;
import io.oslo4j.rpc.boot.metrics.RpcWorkerMetrics;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lifecycle: the transport connector starts first and stops last, the RPC servers and the
 * notification listeners share one phase, and on shutdown both stop taking messages at
 * once and drain together, each on a thread of its own, instead of one after the other.
 */
@Timeout(60)
class RpcLifecycleTest {

	private static final CountDownLatch bothDraining = new CountDownLatch(1);

	private static final CountDownLatch serverBusy = new CountDownLatch(1);

	private static final CountDownLatch listenerBusy = new CountDownLatch(1);

	private final String topic = "life_" + MessageIds.next().substring(0, 12);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "spring.application.name=" + this.topic,
				"rpc.server.name=n1", "rpc.clients.app.topic=" + this.topic, "rpc.clients.app.timeout=30s",
				"rpc.notifications.topics=" + this.topic, "rpc.notifications.listener.executor-threads=1");

	@Test
	void theServersAndListenersStartAfterTheTransportAndStopBeforeIt() {
		assertThat(RpcTransportConnector.PHASE).isLessThan(RpcEndpointRegistry.PHASE);
		assertThat(RpcNotificationListenerRegistry.PHASE).isEqualTo(RpcEndpointRegistry.PHASE);
		assertThat(RpcWorkerMetrics.PHASE).isGreaterThan(RpcEndpointRegistry.PHASE);
		this.runner.run((context) -> {
			assertThat(context.getBean(RpcEndpointRegistry.class).getPhase()).isEqualTo(RpcEndpointRegistry.PHASE);
			assertThat(context.getBean(RpcNotificationListenerRegistry.class).getPhase())
				.isEqualTo(RpcNotificationListenerRegistry.PHASE);
		});
	}

	@Test
	void serversAndListenersDrainTogetherOnShutdown() throws Exception {
		this.runner.withBean(SlowEndpoint.class).withBean(SlowListener.class).run((context) -> {
			CompletableFuture<String> reply = context.getBean(RpcClientFactory.class)
				.client("app")
				.callAsync(RpcContext.empty(), "slow", Map.of(), String.class);
			context.getBean(Notifier.class).info(RpcContext.empty(), "slow.event", Map.of());
			assertThat(serverBusy.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(listenerBusy.await(10, TimeUnit.SECONDS)).isTrue();
			RpcEndpointRegistry servers = context.getBean(RpcEndpointRegistry.class);
			RpcNotificationListenerRegistry listeners = context.getBean(RpcNotificationListenerRegistry.class);
			Thread closing = new Thread(((ConfigurableApplicationContext) context)::close, "closing");
			closing.start();
			// one after the other, the second would not stop until the first had drained,
			// and the first waits for both
			await().atMost(Duration.ofSeconds(10)).until(() -> !servers.isRunning() && !listeners.isRunning());
			bothDraining.countDown();
			assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("drained");
			closing.join(10_000);
			assertThat(closing.isAlive()).isFalse();
		});
	}

	@RpcEndpoint
	static class SlowEndpoint {

		public String slow() throws InterruptedException {
			serverBusy.countDown();
			return bothDraining.await(20, TimeUnit.SECONDS) ? "drained" : "timed out";
		}

	}

	static class SlowListener {

		@RpcNotificationListener
		public void slow(Map<String, Object> payload) throws InterruptedException {
			listenerBusy.countDown();
			bothDraining.await(20, TimeUnit.SECONDS);
		}

	}

}
