package io.oslo4j.rpc.boot.notify;

import java.time.Duration;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Spring Boot applications on the real RabbitMQ: one's {@link Notifier} bean sends
 * (its RPC transport is {@code fake://}, its notifications go to RabbitMQ through
 * {@code rpc.notifications.transport-url}), the other's {@code @RpcNotificationListener}
 * methods receive. The broker is {@code OSLO4J_TEST_RABBIT_URL} or the local one; under
 * {@code CI=true} it must be there.
 */
@Timeout(120)
class RpcNotificationRabbitTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final String topic = "notif_boot_" + MessageIds.next().substring(0, 10);

	private final String url = TestBroker.url();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class))
		.withPropertyValues("rpc.notifications.topics=" + this.topic, "rpc.fail-fast=true");

	@AfterEach
	void deleteQueues() {
		NotificationQueues.delete(this.topic);
	}

	@Test
	void aNotifierBeanReachesTheListenerMethodsOfAnotherApplication() {
		ApplicationContextRunner listening = this.runner.withBean(RecordingListener.class)
			.withPropertyValues("rpc.transport-url=" + this.url, "spring.application.name=billing");
		ApplicationContextRunner sending = this.runner.withPropertyValues(
				"rpc.transport-url=fake:///" + MessageIds.next(), "rpc.notifications.transport-url=" + this.url,
				"spring.application.name=compute", "rpc.server.name=host1");
		listening.run((listener) -> sending.run((sender) -> {
			assertThat(sender.getBean(RpcNotificationTransport.class).isSeparate()).isTrue();
			Notifier notifier = sender.getBean(Notifier.class);
			RpcContext context = RpcContext.of(Map.of("user_id", "u1", "auth_token", "secret"));
			long start = System.nanoTime();
			notifier.info(context, "compute.instance.create.end", Map.of("instance_id", "i-1", "vcpus", 2));
			notifier.error(context, "compute.instance.crash", Map.of("instance_id", "i-2"));
			notifier.prepare("network.host1").info(context, "compute.instance.create.end", Map.of("n", 1));
			notifier.sample(context, "volume.usage", 42.5);
			RecordingListener recording = listener.getBean(RecordingListener.class);
			await().atMost(WAIT).until(() -> recording.all.size() == 4 && recording.instances.size() == 2);
			System.out.printf("4 notifications from one Boot application to another over RabbitMQ in %d ms%n",
					(System.nanoTime() - start) / 1_000_000);
			Notification first = recording.all.stream()
				.filter((n) -> "compute.host1".equals(n.publisherId()) && n.priority() == NotificationPriority.INFO)
				.findFirst()
				.orElseThrow();
			assertThat(first.eventType()).isEqualTo("compute.instance.create.end");
			assertThat(first.payload()).isEqualTo(Map.of("instance_id", "i-1", "vcpus", 2));
			assertThat(first.context().asMap()).containsEntry("user_id", "u1").doesNotContainKey("auth_token");
			assertThat(recording.all).extracting(Notification::priority)
				.containsExactlyInAnyOrder(NotificationPriority.INFO, NotificationPriority.ERROR,
						NotificationPriority.INFO, NotificationPriority.SAMPLE);
			assertThat(recording.instances).containsExactlyInAnyOrder(Map.of("instance_id", "i-1", "vcpus", 2),
					Map.of("instance_id", "i-2"));
		}));
	}

}
