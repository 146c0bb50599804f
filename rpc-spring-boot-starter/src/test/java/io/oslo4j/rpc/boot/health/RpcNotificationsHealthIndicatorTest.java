package io.oslo4j.rpc.boot.health;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.notify.RpcNotificationAutoConfiguration;
import io.oslo4j.rpc.boot.notify.RpcNotificationTransport;
import io.oslo4j.rpc.notify.NotificationEndpoint;
import io.oslo4j.rpc.notify.NotificationListener;
import io.oslo4j.rpc.notify.NotificationResult;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RpcNotificationsHealthIndicator}: its registration, and its status and details
 * for running, stopped and disconnected notification listeners on {@code fake://}.
 */
@Timeout(60)
class RpcNotificationsHealthIndicatorTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class,
				RpcHealthContributorAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake://nova:s3cret@localhost/" + MessageIds.next());

	private final Transport transport = Transports.create("fake://nova:s3cret@localhost/" + MessageIds.next());

	@AfterEach
	void tearDown() {
		this.transport.close();
	}

	@Test
	void theIndicatorIsRegisteredByDefaultAndIsUpWithoutListeners() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RpcNotificationsHealthIndicator.class);
			assertThat(context).hasBean("rpcNotificationsHealthIndicator");
			Health health = context.getBean(RpcNotificationsHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("separate", false).containsEntry("listeners", List.of());
			assertThat(health.toString()).contains("nova:****@").doesNotContain("s3cret");
		});
	}

	@Test
	void theIndicatorIsSwitchedOffByManagementHealthRpcNotificationsEnabled() {
		this.runner.withPropertyValues("management.health.rpc-notifications.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(RpcNotificationsHealthIndicator.class);
			assertThat(context).hasSingleBean(RpcHealthIndicator.class);
		});
	}

	@Test
	void withoutNotificationsThereIsNoIndicator() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(RpcAutoConfiguration.class, RpcHealthContributorAutoConfiguration.class))
			.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next())
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(RpcHealthIndicator.class)
				.doesNotHaveBean(RpcNotificationsHealthIndicator.class));
	}

	@Test
	void aRunningListenerIsUpWithItsTargetsPrioritiesAndPool() {
		NotificationListener listener = listener("billing").start();
		Health health = indicator(listener).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("listeners"))
			.isEqualTo(List.of(Map.of("targets", List.of("nova/notifications"), "priorities", List.of("info", "error"),
					"pool", "billing", "running", true, "dropped", 0L)));
		listener.close();
	}

	@Test
	void aStoppedListenerIsDownNamingItsTargets() {
		NotificationListener listener = listener(null).start();
		listener.stop();
		Health health = indicator(listener).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason",
				"notification listeners not consuming: [[nova/notifications]]");
		listener.close();
	}

	@Test
	void aClosedTransportIsDownAsNotConnected() {
		NotificationListener listener = listener(null).start();
		this.transport.close();
		Health health = indicator(listener).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason", "not connected to the broker");
	}

	private RpcNotificationsHealthIndicator indicator(NotificationListener listener) {
		return new RpcNotificationsHealthIndicator(RpcNotificationTransport.shared(this.transport),
				() -> List.of(listener));
	}

	private NotificationListener listener(@Nullable String pool) {
		NotificationEndpoint endpoint = new NotificationEndpoint() {

			@Override
			public NotificationResult info(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
					@Nullable Object payload, Map<String, @Nullable Object> metadata) {
				return NotificationResult.HANDLED;
			}

			@Override
			public NotificationResult error(RpcContext context, @Nullable String publisherId,
					@Nullable String eventType, @Nullable Object payload, Map<String, @Nullable Object> metadata) {
				return NotificationResult.HANDLED;
			}

		};
		return NotificationListener.create(this.transport, List.of(Target.topic("notifications").withExchange("nova")),
				List.of(endpoint), pool);
	}

}
