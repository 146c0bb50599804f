package io.oslo4j.rpc.boot.notify;

import java.time.Duration;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.health.RpcNotificationsHealthIndicator;
import io.oslo4j.rpc.kafka.KafkaTestBroker;
import io.oslo4j.rpc.kafka.KafkaTestTopics;
import io.oslo4j.rpc.kafka.KafkaTransport;
import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Spring Boot applications whose notifications go over a real Kafka broker
 * ({@code rpc.notifications.transport-url=kafka://...}, RPC on {@code fake://}): one's
 * {@link Notifier} bean sends, the other's {@code @RpcNotificationListener} methods
 * receive, and the notifications health is UP. RPC over {@code kafka://} is a startup
 * error naming the property.
 */
@Timeout(180)
class RpcNotificationKafkaTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class))
		.withPropertyValues("rpc.fail-fast=true");

	@Test
	void aNotifierBeanReachesTheListenerMethodsOfAnotherApplicationOverKafka() {
		KafkaTestBroker broker = KafkaTestBroker.get();
		KafkaTestTopics topics = new KafkaTestTopics(broker, "boot_kafka", 2);
		String group = topics.group("billing");
		ApplicationContextRunner listening = this.runner.withBean(RecordingListener.class)
			.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(),
					"rpc.notifications.transport-url=" + broker.url(), "rpc.notifications.topics=" + topics.topic(),
					"rpc.notifications.kafka.options.consumer_group=" + group,
					"rpc.notifications.kafka.at-least-once=true", "spring.application.name=billing");
		ApplicationContextRunner sending = this.runner.withPropertyValues(
				"rpc.transport-url=fake:///" + MessageIds.next(), "rpc.notifications.transport-url=" + broker.url(),
				"rpc.notifications.topics=" + topics.topic(), "rpc.notifications.kafka.options.compression_codec=gzip",
				"spring.application.name=compute", "rpc.server.name=host1");
		listening.run((listener) -> sending.run((sender) -> {
			RpcNotificationTransport transport = sender.getBean(RpcNotificationTransport.class);
			assertThat(transport.transport()).isInstanceOf(KafkaTransport.class);
			assertThat(((KafkaTransport) transport.transport()).options().compressionCodec()).isEqualTo("gzip");
			RpcNotificationTransport listenerTransport = listener.getBean(RpcNotificationTransport.class);
			assertThat(((KafkaTransport) listenerTransport.transport()).options().commitAfterDispatch()).isTrue();
			RpcNotificationListenerRegistry registry = listener.getBean(RpcNotificationListenerRegistry.class);
			await().atMost(WAIT)
				.until(() -> !registry.listeners().isEmpty()
						&& registry.listeners().stream().allMatch((l) -> l.isRunning()));

			Notifier notifier = sender.getBean(Notifier.class);
			RpcContext context = RpcContext.of(Map.of("user_id", "u1", "auth_token", "secret"));
			notifier.info(context, "compute.instance.create.end", Map.of("instance_id", "i-1", "vcpus", 2));
			notifier.error(context, "compute.instance.crash", Map.of("instance_id", "i-2"));
			notifier.sample(context, "volume.usage", 42.5);
			RecordingListener recording = listener.getBean(RecordingListener.class);
			await().atMost(WAIT).until(() -> recording.all.size() == 3 && recording.instances.size() == 2);
			Notification first = recording.all.stream()
				.filter((n) -> n.priority() == NotificationPriority.INFO)
				.findFirst()
				.orElseThrow();
			assertThat(first.publisherId()).isEqualTo("compute.host1");
			assertThat(first.context().asMap()).containsEntry("user_id", "u1").doesNotContainKey("auth_token");

			RpcNotificationsHealthIndicator health = new RpcNotificationsHealthIndicator(listenerTransport,
					registry::listeners);
			await().atMost(WAIT).until(() -> health.health(true).getStatus().equals(Status.UP));
			Health details = health.health(true);
			assertThat(details.getDetails()).containsEntry("url", broker.url()).containsEntry("separate", true);
		}));
	}

	@Test
	void rpcOverKafkaIsAStartupErrorNamingTheProperty() {
		this.runner.withPropertyValues("rpc.transport-url=kafka://kafka1.example.com:9092/").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("rpc.transport-url")
				.hasMessageContaining("oslo.messaging has no RPC over Kafka");
		});
	}

	@Test
	void aKafkaUrlWithoutAPortIsAStartupErrorNamingTheProperty() {
		this.runner
			.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(),
					"rpc.notifications.transport-url=kafka://kafka1.example.com/")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("rpc.notifications.transport-url")
					.hasStackTraceContaining("has no port");
			});
	}

}
