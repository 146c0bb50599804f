package io.oslo4j.rpc.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.interop.PythonOslo.PythonServer;
import io.oslo4j.rpc.interop.PythonOslo.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.interop.PythonOslo.call;
import static io.oslo4j.rpc.interop.PythonOslo.cast;
import static io.oslo4j.rpc.interop.PythonOslo.parallel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet in the middle of an upgrade, in kolla-ansible's mode on a RabbitMQ as strict as
 * 4.3: one topic served at once by a Java server, an oslo.messaging 16.1.0 server and an
 * 18.1.0 server. The calls of a Java client and of a Python client are shared among all
 * three, directed calls reach each, and every fanout cast, whether sent from Java, 16.1
 * or 18.1, reaches each of the three exactly once.
 */
class MixedFleetTest {

	private static final InteropCell CELL = InteropCell.OSLO18_KOLLA;

	private static final List<String> SERVERS = List.of("java", "oslo16", "oslo18");

	@Test
	@Timeout(150)
	@SuppressWarnings("unchecked")
	void javaOslo16AndOslo18ServersShareATopic() throws Exception {
		OsloPeer.OSLO_16.require();
		try (InteropTestSupport support = new InteropTestSupport(CELL)) {
			String topic = InteropTestSupport.uniqueTopic("fleet");
			CompletableFuture<PythonServer> starting16 = CompletableFuture
				.supplyAsync(() -> support.pythonServer(OsloPeer.OSLO_16, topic, "oslo16"));
			PythonServer oslo18 = support.pythonServer(OsloPeer.OSLO_18, topic, "oslo18");
			PythonServer oslo16 = starting16.join();
			JavaInteropEndpoint java = support.javaServer(topic, "java");

			RpcTemplate client = new RpcTemplate(support.transport(), Target.topic(topic))
				.prepare((p) -> p.timeout(Duration.ofSeconds(10)));
			Map<Object, Integer> javaClientCounts = new HashMap<>();
			for (int i = 0; i < 30; i++) {
				Map<String, Object> who = (Map<String, Object>) client.call(RpcContext.empty(), "whoami", Map.of());
				javaClientCounts.merge(who.get("server"), 1, Integer::sum);
			}
			assertThat(javaClientCounts).containsOnlyKeys(SERVERS);
			for (String server : SERVERS) {
				assertThat(client.prepare((p) -> p.server(server).namespace("control").version("1.0"))
					.call(RpcContext.empty(), "ping", Map.of())).isEqualTo(server);
			}
			client.prepare((p) -> p.fanout(true)).cast(RpcContext.empty(), "record", Map.of("kind", "from-java"));
			awaitFanout("from-java", System.nanoTime(), java, oslo16, oslo18);

			// 18.1's client: calls at once (it polls for replies every 0.5 s), directed
			// calls, and a fanout cast as it leaves
			List<Step> calls = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				calls.add(call("whoami"));
			}
			List<Step> steps = new ArrayList<>(List.of(parallel(calls)));
			SERVERS.forEach((server) -> steps.add(call("ping").namespace("control").version("1.0").server(server)));
			steps.add(cast("record").arg("kind", "from-oslo18").fanout());
			List<Map<String, Object>> results = PythonOslo.runClient(OsloPeer.OSLO_18, CELL.pythonUrl("client18"),
					topic, steps, Duration.ofSeconds(60));
			awaitFanout("from-oslo18", System.nanoTime(), java, oslo16, oslo18);
			Map<Object, Integer> pythonClientCounts = new HashMap<>();
			for (Map<String, Object> line : (List<Map<String, Object>>) results.get(0).get("result")) {
				assertThat(line).containsEntry("ok", true);
				pythonClientCounts.merge(((Map<String, Object>) line.get("result")).get("server"), 1, Integer::sum);
			}
			assertThat(pythonClientCounts).containsOnlyKeys(SERVERS);
			for (int i = 0; i < SERVERS.size(); i++) {
				assertThat(results.get(1 + i)).containsEntry("ok", true).containsEntry("result", SERVERS.get(i));
			}

			// 16.1's client: a fanout cast
			PythonOslo.runClient(OsloPeer.OSLO_16, CELL.pythonUrl("client16"), topic,
					List.of(cast("record").arg("kind", "from-oslo16").fanout()), Duration.ofSeconds(30));
			awaitFanout("from-oslo16", System.nanoTime(), java, oslo16, oslo18);

			// every fanout cast ran once on each server
			List<String> everyCast = List.of("from-java", "from-oslo18", "from-oslo16");
			assertThat(java.recorded).extracting((event) -> event.get("kind"))
				.containsExactlyInAnyOrderElementsOf(everyCast);
			for (PythonServer server : List.of(oslo16, oslo18)) {
				assertThat(server.recorded()).extracting((args) -> args.get("kind"))
					.containsExactlyInAnyOrderElementsOf(everyCast);
			}
		}
	}

	// a fanout cast reaches every server within the fanout delivery time of `since`
	private static void awaitFanout(String kind, long since, JavaInteropEndpoint java, PythonServer... python) {
		for (PythonServer server : python) {
			server.awaitJson((event) -> "record".equals(event.get("event"))
					&& kind.equals(((Map<?, ?>) event.get("args")).get("kind")), 1, left(since));
		}
		Duration left = left(since);
		await().atMost(left.isNegative() ? Duration.ofMillis(1) : left)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(java.recorded)
				.anySatisfy((event) -> assertThat(event.get("kind")).isEqualTo(kind)));
	}

	private static Duration left(long since) {
		return AbstractJavaClientPythonServerTests.FANOUT_DELIVERY.minusNanos(System.nanoTime() - since);
	}

}
