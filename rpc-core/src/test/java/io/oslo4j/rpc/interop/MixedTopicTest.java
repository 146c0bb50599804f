package io.oslo4j.rpc.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.interop.PythonOslo.PythonServer;
import io.oslo4j.rpc.interop.PythonOslo.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.interop.PythonOslo.call;
import static io.oslo4j.rpc.interop.PythonOslo.cast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Java and Python servers on one topic: they declare the same queues without a 406 (in
 * both orders: Java first, then Python, then Java again) and share the calls of a Java
 * client and of a Python client round-robin.
 */
class MixedTopicTest {

	@Test
	@Timeout(90)
	@SuppressWarnings("unchecked")
	void javaAndPythonServersShareATopic() throws Exception {
		try (InteropTestSupport support = new InteropTestSupport()) {
			String topic = InteropTestSupport.uniqueTopic("mixed");
			JavaInteropEndpoint j1 = support.javaServer(topic, "j1");
			PythonServer p1 = support.pythonServer(topic, "p1");
			// declared after Python: a 406 would fail here
			JavaInteropEndpoint j2 = support.javaServer(topic, "j2");

			RpcTemplate client = new RpcTemplate(support.transport(), Target.topic(topic))
				.prepare((p) -> p.timeout(Duration.ofSeconds(10)));
			Map<Object, Integer> javaClientCounts = new HashMap<>();
			for (int i = 0; i < 30; i++) {
				Map<String, Object> who = (Map<String, Object>) client.call(RpcContext.empty(), "whoami", Map.of());
				javaClientCounts.merge(who.get("server"), 1, Integer::sum);
			}
			assertThat(javaClientCounts).containsOnlyKeys("j1", "p1", "j2");

			List<Step> steps = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				steps.add(call("whoami"));
			}
			steps.add(cast("record").arg("kind", "fanout").fanout());
			steps.add(call("ping").namespace("control").version("1.0").server("j2"));
			steps.add(call("ping").namespace("control").version("1.0").server("p1"));
			List<Map<String, Object>> results = PythonOslo.runClient(support.url, topic, steps, Duration.ofSeconds(60));
			Map<Object, Integer> pythonClientCounts = new HashMap<>();
			for (Map<String, Object> line : results.subList(0, 30)) {
				assertThat(line).containsEntry("ok", true);
				pythonClientCounts.merge(((Map<String, Object>) line.get("result")).get("server"), 1, Integer::sum);
			}
			assertThat(pythonClientCounts).containsOnlyKeys("j1", "p1", "j2");
			assertThat(results.get(31)).containsEntry("result", "j2");
			assertThat(results.get(32)).containsEntry("result", "p1");

			// a fanout cast from each client reaches all three servers
			client.prepare((p) -> p.fanout(true)).cast(RpcContext.empty(), "record", Map.of("kind", "fanout"));
			p1.awaitRecorded(2, Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(kinds(j1.recorded)).containsExactly("fanout", "fanout");
				assertThat(kinds(j2.recorded)).containsExactly("fanout", "fanout");
			});
			assertThat(p1.recorded()).containsExactly(Map.of("kind", "fanout"), Map.of("kind", "fanout"));
		}
	}

	private static List<Object> kinds(Collection<Map<String, Object>> events) {
		return events.stream().map((event) -> event.get("kind")).toList();
	}

}
