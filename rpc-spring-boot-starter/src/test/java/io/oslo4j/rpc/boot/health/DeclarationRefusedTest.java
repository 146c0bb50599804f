package io.oslo4j.rpc.boot.health;

import io.oslo4j.rpc.boot.test.FailureAnalyses;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.e2e.InventoryEndpoint;
import io.oslo4j.rpc.boot.notify.RpcNotificationAutoConfiguration;
import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.rabbit.DeclarationException;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.fake.FakeTransport;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A declaration the broker refuses (a {@link DeclarationException}, here thrown by a fake
 * transport as the rabbit one does on a 406): with {@code rpc.fail-fast=true} startup
 * fails with a failure analysis whose action is the exception's advice; with
 * {@code rpc.fail-fast=false} the application starts, the health indicators are DOWN with
 * the exception's message as {@code reason}, and turn UP once the server or listener
 * could start.
 */
@Timeout(60)
class DeclarationRefusedTest {

	private static final String BROKER_TEXT = "Failed to declare exchange 'inventory_fanout' (type=fanout, durable=false, "
			+ "auto_delete=true): 406 PRECONDITION_FAILED - inequivalent arg 'durable' for exchange "
			+ "'inventory_fanout' in vhost '/': received 'false' but current is 'true'";

	private static final String ADVICE = "set rabbit_transient_quorum_queue=true "
			+ "(rpc.rabbit.transient-quorum-queues=true)";

	private final RefusingTransport transport = new RefusingTransport();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class,
				RpcHealthContributorAutoConfiguration.class))
		.withBean(Transport.class, () -> this.transport)
		.withPropertyValues("spring.application.name=inventory", "rpc.server.name=host1",
				"rpc.notifications.topics=inventory_notifications");

	@Test
	void failFastStartupFailureIsAnalyzedWithTheAdviceAsAction() {
		this.transport.refusal = new DeclarationException(BROKER_TEXT, ADVICE, null);
		this.runner.withBean(InventoryEndpoint.class).withPropertyValues("rpc.fail-fast=true").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(BROKER_TEXT)
				.contains("inequivalent arg 'durable'")
				.doesNotContain(ADVICE);
			assertThat(analysis.getAction()).containsIgnoringCase(ADVICE);
		});
	}

	@Test
	void withoutAdviceTheActionNamesTheQueueOptions() {
		this.transport.refusal = new DeclarationException(
				"Failed to declare queue 'inventory': 406 " + "PRECONDITION_FAILED - inequivalent arg 'x-max-length'",
				null);
		this.runner.withBean(InventoryEndpoint.class).withPropertyValues("rpc.fail-fast=true").run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("inequivalent arg 'x-max-length'");
			assertThat(analysis.getAction()).contains("rpc.rabbit.quorum-queues (rabbit_quorum_queue)")
				.contains("rpc.rabbit.transient-quorum-queues (rabbit_transient_quorum_queue)")
				.contains("rpc.rabbit.stream-fanout (rabbit_stream_fanout)")
				.contains("rpc.rabbit.transient-queues-ttl (rabbit_transient_queues_ttl)")
				.contains("rpc.rabbit.quorum-delivery-limit (rabbit_quorum_delivery_limit)");
		});
	}

	@Test
	void aServerThatCouldNotStartMakesHealthDownWithTheMessageAsReasonUntilItStarts() {
		this.transport.refusal = new DeclarationException(BROKER_TEXT, ADVICE, null);
		this.runner.withBean(InventoryEndpoint.class).run((context) -> {
			assertThat(context).hasNotFailed();
			RpcHealthIndicator indicator = context.getBean(RpcHealthIndicator.class);
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("reason")).asString()
				.isEqualTo("RPC server inventory.host1 could not start: " + BROKER_TEXT + ". " + ADVICE);
			assertThat(health.getDetails().get("servers"))
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Map.class))
				.singleElement()
				.satisfies((server) -> assertThat(server).containsEntry("running", false)
					.containsEntry("error", DeclarationException.class.getName() + ": " + BROKER_TEXT + ". " + ADVICE));
			this.transport.refusal = null;
			await().atMost(Duration.ofSeconds(20)).until(() -> Status.UP.equals(indicator.health(true).getStatus()));
			assertThat(indicator.health(true).getDetails()).doesNotContainKey("reason");
			RpcEndpointRegistry registry = context.getBean(RpcEndpointRegistry.class);
			assertThat(registry.startFailure(registry.servers().get(0))).isNull();
		});
	}

	@Test
	void aListenerThatCouldNotStartMakesNotificationHealthDownWithTheMessageAsReason() {
		this.transport.notificationRefusal = new DeclarationException(BROKER_TEXT, ADVICE, null);
		this.runner.withBean(Listening.class).run((context) -> {
			assertThat(context).hasNotFailed();
			RpcNotificationsHealthIndicator indicator = context.getBean(RpcNotificationsHealthIndicator.class);
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("reason")).asString()
				.startsWith("notification listener on [inventory_notifications] could not start: ")
				.endsWith(ADVICE);
			assertThat(health.getDetails().get("listeners")).asString().contains("error=");
			this.transport.notificationRefusal = null;
			await().atMost(Duration.ofSeconds(20)).until(() -> Status.UP.equals(indicator.health(true).getStatus()));
		});
	}

	/**
	 * A fake transport that refuses to listen while a refusal is set, as the rabbit
	 * transport does when the broker refuses a declaration.
	 */
	static class RefusingTransport extends FakeTransport {

		volatile @Nullable RuntimeException refusal;

		volatile @Nullable RuntimeException notificationRefusal;

		RefusingTransport() {
			super(TransportUrl.parse("fake:///" + MessageIds.next()), TransportSettings.defaults());
		}

		@Override
		public Listener listen(Target target, DeliveryHandler handler) {
			RuntimeException current = this.refusal;
			if (current != null) {
				throw current;
			}
			return super.listen(target, handler);
		}

		@Override
		public Listener listenForNotifications(List<Target> targets, List<String> priorities, @Nullable String pool,
				DeliveryHandler handler) {
			RuntimeException current = this.notificationRefusal;
			if (current != null) {
				throw current;
			}
			return super.listenForNotifications(targets, priorities, pool, handler);
		}

	}

	static class Listening {

		@RpcNotificationListener
		public void record(Notification notification) {
		}

	}

}
