package io.oslo4j.rpc.boot.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.interop.PythonOslo;
import io.oslo4j.rpc.notify.Notification;
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
 * The real Python oslo.messaging 14 {@code Notifier} sends, on RabbitMQ, to the
 * {@code @RpcNotificationListener} methods of a Spring Boot application: every priority,
 * oslo's fields and values, and the annotation's filters. Runs Debian's
 * {@code python3-oslo.messaging}; under {@code CI=true} it and the broker must be there.
 */
@Timeout(120)
class PythonNotifierToBootListenerTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final String topic = "notif_pyboot_" + MessageIds.next().substring(0, 10);

	@AfterEach
	void deleteQueues() {
		NotificationQueues.delete(this.topic);
	}

	private static Map<String, Object> step(NotificationPriority priority, String eventType, Object payload) {
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("priority", priority.lowerName());
		step.put("event_type", eventType);
		step.put("payload", payload);
		step.put("ctxt", Map.of("user_id", "u1", "request_id", "req-1", "auth_token", "secret"));
		return step;
	}

	@Test
	void aPythonNotifierReachesBootListenerMethodsForEveryPriority() {
		String url = TestBroker.url();
		PythonOslo.python();
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class))
			.withBean(RecordingListener.class)
			.withPropertyValues("rpc.transport-url=" + url, "rpc.notifications.topics=" + this.topic,
					"rpc.fail-fast=true")
			.run((context) -> {
				List<Map<String, Object>> steps = new ArrayList<>();
				for (NotificationPriority priority : NotificationPriority.values()) {
					steps.add(step(priority, "compute.instance." + priority.lowerName(),
							Map.of("priority", priority.lowerName())));
				}
				Map<String, Object> network = step(NotificationPriority.INFO, "compute.instance.other", Map.of("n", 1));
				network.put("publisher_id", "network.host2");
				steps.add(network);
				PythonOslo.runNotifier(url, this.topic, steps, WAIT, "--publisher-id", "compute.host1");

				RecordingListener recording = context.getBean(RecordingListener.class);
				await().atMost(WAIT).until(() -> recording.all.size() == 8 && recording.instances.size() == 7);
				assertThat(recording.all).extracting(Notification::priority).contains(NotificationPriority.values());
				for (Notification n : recording.all) {
					if ("network.host2".equals(n.publisherId())) {
						continue;
					}
					assertThat(n.publisherId()).isEqualTo("compute.host1");
					assertThat(n.eventType()).isEqualTo("compute.instance." + n.priority().lowerName());
					assertThat(n.payload()).isEqualTo(Map.of("priority", n.priority().lowerName()));
					assertThat(n.context().asMap()).containsOnlyKeys("user_id", "request_id", "client_timeout");
					assertThat(n.messageId())
						.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
					assertThat(n.timestamp()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
				}
				// the filtered method saw the compute publisher's seven, not
				// network.host2's
				assertThat(recording.instances).doesNotContain(Map.of("n", 1)).hasSize(7);
			});
	}

}
