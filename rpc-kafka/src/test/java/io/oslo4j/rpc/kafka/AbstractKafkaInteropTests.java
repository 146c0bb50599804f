package io.oslo4j.rpc.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.interop.OsloPeer;
import io.oslo4j.rpc.interop.PythonOslo;
import io.oslo4j.rpc.interop.PythonOslo.PythonProcess;
import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.notify.NotificationListener;
import io.oslo4j.rpc.notify.NotificationListenerOptions;
import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.notify.NotifierDriver;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications over a real Kafka broker between Java and one Python oslo.messaging (its
 * kafka:// driver on confluent-kafka): a Python {@code Notifier} to a Java listener
 * (every priority, over several partitions), a Java {@link Notifier} to a Python listener
 * (same fields and values), and a pool shared by a Python and a Java listener (one
 * consumer group) next to a Java pool of its own, which gets every notification.
 */
@Timeout(180)
abstract class AbstractKafkaInteropTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final KafkaTestBroker broker = KafkaTestBroker.get();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	/**
	 * Returns the Python peer.
	 * @return the peer
	 */
	abstract OsloPeer peer();

	@BeforeEach
	void requirePeer() {
		KafkaPeers.require(peer());
	}

	@AfterEach
	void close() throws Exception {
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

	private Transport transport() {
		return track(Transports.create(this.broker.url()));
	}

	private Recording listen(String topic, String pool) {
		Recording recording = new Recording();
		NotificationListener listener = track(NotificationListener.create(transport(), List.of(Target.topic(topic)),
				List.of(recording), NotificationListenerOptions.defaults().withPool(pool)));
		listener.start();
		await().atMost(WAIT).until(listener::isRunning);
		return recording;
	}

	private void runNotifier(String topic, List<Map<String, Object>> steps, String... options) {
		List<String> arguments = new ArrayList<>(List.of(options));
		if (!peer().notifiesDictContexts()) {
			arguments.add("--request-context");
		}
		PythonOslo.runNotifier(peer(), this.broker.url(), topic, steps, WAIT, arguments.toArray(String[]::new));
	}

	private static Map<String, Object> step(String priority, String eventType, Object payload,
			Map<String, Object> ctxt) {
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("priority", priority);
		step.put("event_type", eventType);
		step.put("payload", payload);
		step.put("ctxt", ctxt);
		return step;
	}

	@Test
	void pythonNotifierReachesAJavaListenerForEveryPriorityOverSeveralPartitions() {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "ki_py2java", 3);
		Recording recording = listen(topics.topic(), topics.group("java"));
		Map<String, Object> ctxt = Map.of("user_id", "u1", "request_id", "req-1", "auth_token", "secret");
		List<Map<String, Object>> steps = new ArrayList<>();
		for (String priority : KafkaTestTopics.PRIORITIES) {
			steps.add(step(priority, "compute.instance." + priority, Map.of("n", priority, "vcpus", 2), ctxt));
		}
		for (int i = 0; i < 12; i++) {
			steps.add(step("info", "compute.bulk", Map.of("i", i), Map.of()));
		}
		runNotifier(topics.topic(), steps, "--publisher-id", "compute.host1");

		await().atMost(WAIT).until(() -> recording.count() == 19);
		assertThat(recording.received).extracting(Notification::priority).contains(NotificationPriority.values());
		for (Notification n : recording.received) {
			assertThat(n.publisherId()).isEqualTo("compute.host1");
			assertThat(n.metadata().keySet()).containsExactly("message_id", "timestamp");
			assertThat(n.messageId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
			if (n.eventType().equals("compute.bulk")) {
				continue;
			}
			String priority = n.priority().lowerName();
			assertThat(n.eventType()).isEqualTo("compute.instance." + priority);
			assertThat(n.payload()).isEqualTo(Map.of("n", priority, "vcpus", 2));
			Map<String, Object> context = n.context().asMap();
			if (peer().notifiesDictContexts()) {
				assertThat(context).containsOnlyKeys("user_id", "request_id", "client_timeout")
					.containsEntry("user_id", "u1")
					.containsEntry("request_id", "req-1");
			}
			else {
				assertThat(context).containsEntry("user", "u1")
					.containsEntry("request_id", "req-1")
					.containsEntry("auth_token", null);
			}
		}
	}

	@Test
	void javaNotifierReachesAPythonListenerWithTheSameFieldsAndValues() {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "ki_java2py", 2);
		String pool = topics.group("python");
		PythonProcess python = track(
				PythonOslo.startNotificationListener(peer(), this.broker.url(), topics.topic(), "--pool", pool));
		this.broker.awaitGroup(pool, 1);
		Transport transport = transport();
		Notifier notifier = new Notifier(transport, "compute.host1", NotifierDriver.MESSAGING_V2,
				List.of(topics.topic()));
		RpcContext context = RpcContext.of(Map.of("user_id", "u1", "project_id", "p1", "auth_token", "secret"));
		notifier.info(context, "compute.instance.create.end",
				Map.of("instance_id", "i-1", "flavor", Map.of("vcpus", 2)));
		notifier.audit(context, "e.audit", "\u00e9t\u00e9");
		notifier.debug(context, "e.debug", List.of(1, 2.5, true));
		notifier.warn(context, "e.warn", null);
		notifier.error(context, "e.error", 42);
		notifier.critical(context, "e.critical", Map.of());
		notifier.sample(context, "e.sample", Map.of("volume", 1.5));
		new Notifier(transport, "legacy.host", NotifierDriver.MESSAGING, List.of(topics.topic()))
			.error(RpcContext.empty(), "e.legacy", "v1");

		List<Map<String, Object>> lines = python.awaitJson((line) -> "notification".equals(line.get("event")), 8, WAIT);
		Map<String, Map<String, Object>> byEvent = new LinkedHashMap<>();
		lines.forEach((line) -> byEvent.put((String) line.get("event_type"), line));
		Map<String, Object> first = byEvent.get("compute.instance.create.end");
		assertThat(first).containsEntry("priority", "info")
			.containsEntry("publisher_id", "compute.host1")
			.containsEntry("payload", Map.of("instance_id", "i-1", "flavor", Map.of("vcpus", 2)));
		// the context as the Kafka driver hands it on: the nested _context, safe keys
		// only
		assertThat(first.get("ctxt")).isEqualTo(Map.of("user_id", "u1", "project_id", "p1"));
		@SuppressWarnings("unchecked")
		Map<String, Object> metadata = (Map<String, Object>) first.get("metadata");
		assertThat(metadata.keySet()).containsExactly("message_id", "timestamp");
		assertThat(byEvent.get("e.audit")).containsEntry("priority", "audit").containsEntry("payload", "\u00e9t\u00e9");
		assertThat(byEvent.get("e.debug")).containsEntry("payload", List.of(1, 2.5, true));
		assertThat(byEvent.get("e.warn")).containsEntry("priority", "warn").containsEntry("payload", null);
		assertThat(byEvent.get("e.error")).containsEntry("payload", 42);
		assertThat(byEvent.get("e.critical")).containsEntry("payload", Map.of());
		assertThat(byEvent.get("e.sample")).containsEntry("payload", Map.of("volume", 1.5));
		assertThat(byEvent.get("e.legacy")).containsEntry("publisher_id", "legacy.host")
			.containsEntry("payload", "v1")
			.containsEntry("ctxt", Map.of());
	}

	@Test
	void aPythonAndAJavaListenerShareAPoolWhileAnotherPoolGetsEverything() {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "ki_pool", 4);
		String shared = topics.group("shared");
		PythonProcess python = track(PythonOslo.startNotificationListener(peer(), this.broker.url(), topics.topic(),
				"--pool", shared, "--priority", "info"));
		Recording java = listen(topics.topic(), shared);
		Recording other = listen(topics.topic(), topics.group("other"));
		this.broker.awaitGroup(shared, 2);
		List<Map<String, Object>> steps = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			steps.add(step("info", "e.pool", Map.of("i", i), Map.of()));
		}
		// librdkafka spreads keyless records over the partitions at random
		runNotifier(topics.topic(), steps);
		await().atMost(WAIT).until(() -> other.count() == 40 && java.count() + pythonCount(python) == 40);
		assertThat(java.count()).isPositive();
		assertThat(pythonCount(python)).isPositive();
	}

	private static int pythonCount(PythonProcess python) {
		return (int) python.stdoutLines()
			.stream()
			.filter((line) -> line.contains("\"event\": \"notification\""))
			.count();
	}

}
