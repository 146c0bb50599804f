package io.oslo4j.rpc.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.interop.InteropCell;
import io.oslo4j.rpc.interop.PythonOslo;
import io.oslo4j.rpc.interop.PythonOslo.PythonProcess;
import io.oslo4j.rpc.notify.AbstractNotificationTests.Received;
import io.oslo4j.rpc.notify.AbstractNotificationTests.Recorder;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications between Java and the real Python oslo.messaging in one
 * {@link InteropCell} of the interop matrix: a Python {@code Notifier} to Java listeners
 * (every priority, filters, a pool shared by two Java listeners, queues first declared by
 * Python), and a Java {@link Notifier} to a Python notification listener (same fields and
 * values, queues first declared by Java, legacy {@code messaging} driver).
 * <p>
 * A Python peer that sends no dict contexts
 * ({@link io.oslo4j.rpc.interop.OsloPeer#notifiesDictContexts()}) is given an
 * oslo.context {@code RequestContext}, as OpenStack services give theirs.
 */
@Timeout(120)
public abstract class AbstractPythonNotificationInteropTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final List<String> PRIORITIES = List.of("audit", "debug", "info", "warn", "error", "critical",
			"sample");

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private String url;

	private String topic;

	/**
	 * Returns the cell the suite runs in.
	 * @return the cell
	 */
	protected abstract InteropCell cell();

	@BeforeEach
	void setUp() {
		this.url = cell().url();
		this.topic = "notif_py_" + MessageIds.next().substring(0, 10);
	}

	@AfterEach
	void tearDown() throws Exception {
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
		List<String> queues = new ArrayList<>();
		PRIORITIES.forEach((p) -> queues.add(this.topic + "." + p));
		queues.add(this.topic + "_pool");
		cell().deleteQueues(queues);
	}

	// Python sends with the cell's peer, a RequestContext when it drops dict contexts
	private void runNotifier(List<Map<String, Object>> steps, String... options) {
		List<String> arguments = new ArrayList<>(List.of(options));
		if (!cell().peer().notifiesDictContexts()) {
			arguments.add("--request-context");
		}
		PythonOslo.runNotifier(cell().peer(), cell().pythonUrl("notifier"), this.topic, steps, WAIT,
				arguments.toArray(String[]::new));
	}

	// the context {user_id u1, request_id req-1, auth_token secret} as the Java listener
	// gets it: a dict's safe keys, or a redacted RequestContext's fields
	private void assertContext(Map<String, @Nullable Object> context) {
		if (cell().peer().notifiesDictContexts()) {
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

	private <T extends AutoCloseable> T track(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

	private Transport transport() {
		return track(Transports.create(this.url));
	}

	private NotificationListener listen(Transport transport, NotificationListenerOptions options,
			NotificationEndpoint... endpoints) {
		NotificationListener listener = track(
				NotificationListener.create(transport, List.of(Target.topic(this.topic)), List.of(endpoints), options));
		listener.start();
		await().atMost(WAIT).until(listener::isRunning);
		return listener;
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
	void pythonNotifierReachesJavaEndpointsForEveryPriorityWithFilters() {
		List<Map<String, Object>> steps = new ArrayList<>();
		Map<String, Object> ctxt = Map.of("user_id", "u1", "request_id", "req-1", "auth_token", "secret");
		for (String priority : PRIORITIES) {
			steps.add(step(priority, "compute.instance." + priority, Map.of("n", priority, "vcpus", 2), ctxt));
		}
		Map<String, Object> prepared = step("info", "network.port.create.end", Map.of("n", "prepared"), Map.of());
		prepared.put("publisher_id", "network.host2");
		steps.add(prepared);
		// Python sends first: it declares the queues, Java's declarations must match them
		runNotifier(steps, "--publisher-id", "compute.host1");

		Recorder all = new Recorder();
		Recorder computeOnly = new Recorder(NotificationFilter.builder()
			.publisherId("^compute\\.")
			.eventType("^compute\\.instance\\.(info|error)$")
			.context("request_id", "^req-1$")
			.build());
		listen(transport(), NotificationListenerOptions.defaults(), all, computeOnly);
		await().atMost(WAIT).until(() -> all.received.size() == 8);

		for (Received r : all.received) {
			if ("network.host2".equals(r.publisherId())) {
				assertThat(r.eventType()).isEqualTo("network.port.create.end");
				assertThat(r.priority()).isEqualTo(NotificationPriority.INFO);
				continue;
			}
			String priority = r.priority().lowerName();
			assertThat(r.publisherId()).isEqualTo("compute.host1");
			assertThat(r.eventType()).isEqualTo("compute.instance." + priority);
			assertThat(r.payload()).isEqualTo(Map.of("n", priority, "vcpus", 2));
			assertContext(r.context().asMap());
			assertThat(r.metadata().keySet()).containsExactly("message_id", "timestamp");
			assertThat((String) r.metadata().get("message_id"))
				.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
			assertThat((String) r.metadata().get("timestamp"))
				.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
		}
		assertThat(all.received).extracting(Received::priority).contains(NotificationPriority.values());
		assertThat(computeOnly.received).extracting(Received::priority)
			.containsExactlyInAnyOrder(NotificationPriority.INFO, NotificationPriority.ERROR);
	}

	@Test
	void twoJavaListenersInAPoolShareWhatAPythonNotifierSends() {
		NotificationListenerOptions pool = NotificationListenerOptions.defaults().withPool(this.topic + "_pool");
		Recorder first = new Recorder();
		Recorder second = new Recorder();
		listen(transport(), pool, first);
		listen(transport(), pool, second);
		List<Map<String, Object>> steps = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			steps.add(step("info", "e", Map.of("i", i), Map.of()));
		}
		runNotifier(steps);
		await().atMost(WAIT).until(() -> first.received.size() + second.received.size() == 20);
		assertThat(first.received).isNotEmpty();
		assertThat(second.received).isNotEmpty();
	}

	@Test
	void javaNotifierReachesAPythonListenerWithTheSameFieldsAndValues() {
		Transport transport = transport();
		RpcContext context = RpcContext.of(Map.of("user_id", "u1", "project_id", "p1", "auth_token", "secret"));
		Notifier notifier = new Notifier(transport, "compute.host1", NotifierDriver.MESSAGING_V2, List.of(this.topic));
		// Java sends first: it declares the queues, Python's declarations must match them
		notifier.info(context, "compute.instance.create.end",
				Map.of("instance_id", "i-1", "flavor", Map.of("vcpus", 2)));
		PythonProcess python = track(
				PythonOslo.startNotificationListener(cell().peer(), cell().pythonUrl("listener"), this.topic));
		notifier.audit(context, "e.audit", "\u00e9t\u00e9");
		notifier.debug(context, "e.debug", List.of(1, 2.5, true));
		notifier.warn(context, "e.warn", null);
		notifier.error(context, "e.error", 42);
		notifier.critical(context, "e.critical", Map.of());
		notifier.sample(context, "e.sample", Map.of("volume", 1.5));
		notifier.prepare("other.host").info(RpcContext.empty(), "e.prepared", "x");
		new Notifier(transport, "legacy.host", NotifierDriver.MESSAGING, List.of(this.topic)).error(context, "e.legacy",
				"v1");

		List<Map<String, Object>> lines = python.awaitJson((line) -> "notification".equals(line.get("event")), 9, WAIT);
		Map<String, Map<String, Object>> byEvent = new LinkedHashMap<>();
		lines.forEach((line) -> byEvent.put((String) line.get("event_type"), line));
		Map<String, Object> first = byEvent.get("compute.instance.create.end");
		assertThat(first.get("priority")).isEqualTo("info");
		assertThat(first.get("publisher_id")).isEqualTo("compute.host1");
		assertThat(first.get("payload")).isEqualTo(Map.of("instance_id", "i-1", "flavor", Map.of("vcpus", 2)));
		// Python's unpack_context adds client_timeout (None) to every received context
		Map<String, Object> expectedContext = new LinkedHashMap<>();
		expectedContext.put("user_id", "u1");
		expectedContext.put("project_id", "p1");
		expectedContext.put("client_timeout", null);
		assertThat(first.get("ctxt")).isEqualTo(expectedContext);
		@SuppressWarnings("unchecked")
		Map<String, Object> metadata = (Map<String, Object>) first.get("metadata");
		assertThat(metadata.keySet()).containsExactly("message_id", "timestamp");
		assertThat((String) metadata.get("message_id"))
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat((String) metadata.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");

		assertThat(byEvent.get("e.audit")).containsEntry("priority", "audit").containsEntry("payload", "\u00e9t\u00e9");
		assertThat(byEvent.get("e.debug")).containsEntry("priority", "debug")
			.containsEntry("payload", List.of(1, 2.5, true));
		assertThat(byEvent.get("e.warn")).containsEntry("priority", "warn").containsEntry("payload", null);
		assertThat(byEvent.get("e.error")).containsEntry("priority", "error").containsEntry("payload", 42);
		assertThat(byEvent.get("e.critical")).containsEntry("priority", "critical").containsEntry("payload", Map.of());
		assertThat(byEvent.get("e.sample")).containsEntry("priority", "sample")
			.containsEntry("payload", Map.of("volume", 1.5));
		assertThat(byEvent.get("e.prepared")).containsEntry("publisher_id", "other.host")
			.containsEntry("ctxt", java.util.Collections.singletonMap("client_timeout", null));
		assertThat(byEvent.get("e.legacy")).containsEntry("publisher_id", "legacy.host")
			.containsEntry("priority", "error")
			.containsEntry("payload", "v1");
	}

}
