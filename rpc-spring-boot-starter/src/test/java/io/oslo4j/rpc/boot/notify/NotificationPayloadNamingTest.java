package io.oslo4j.rpc.boot.notify;

import java.time.Duration;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code rpc.naming.payloads} names the JSON properties of notification payloads too: a
 * Java record is sent with OpenStack's {@code snake_case} keys.
 */
@Timeout(60)
class NotificationPayloadNamingTest {

	private final String topic = "notif_" + MessageIds.next().substring(0, 12);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "rpc.server.name=host-1",
				"rpc.notifications.topics=" + this.topic, "rpc.notifications.publisher-id=compute.host-1");

	/** A Nova-style instance payload, the Java way. */
	record InstancePayload(String instanceUuid, int vcpuCount) {

	}

	@Test
	void snakeCasePayloadNamingAppliesToNotifications() {
		this.runner.withBean(RecordingListener.class)
			.withPropertyValues("rpc.naming.payloads=snake-case")
			.run((context) -> {
				context.getBean(Notifier.class)
					.warn(RpcContext.empty(), "compute.instance.create.end", new InstancePayload("i-1", 2));
				RecordingListener listener = context.getBean(RecordingListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.instances.size() == 1);
				assertThat(listener.instances.get(0)).isEqualTo(Map.of("instance_uuid", "i-1", "vcpu_count", 2));
			});
	}

	@Test
	void byDefaultPayloadsKeepTheJavaNames() {
		this.runner.withBean(RecordingListener.class).run((context) -> {
			context.getBean(Notifier.class)
				.warn(RpcContext.empty(), "compute.instance.create.end", new InstancePayload("i-2", 4));
			RecordingListener listener = context.getBean(RecordingListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.instances.size() == 1);
			assertThat(listener.instances.get(0)).isEqualTo(Map.of("instanceUuid", "i-2", "vcpuCount", 4));
		});
	}

}
