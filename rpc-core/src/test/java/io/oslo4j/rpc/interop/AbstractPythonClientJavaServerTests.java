package io.oslo4j.rpc.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.interop.PythonOslo.Step;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.interop.PythonOslo.call;
import static io.oslo4j.rpc.interop.PythonOslo.cast;
import static io.oslo4j.rpc.interop.PythonOslo.parallel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Python oslo.messaging client against two Java servers in one
 * {@link InteropCell} of the interop matrix: calls with payloads and context, directed
 * calls, casts, fanout casts reaching both servers within
 * {@link AbstractJavaClientPythonServerTests#FANOUT_DELIVERY}, Java's errors and
 * dispatcher refusals as oslo's, heartbeats that keep a long call alive.
 */
public abstract class AbstractPythonClientJavaServerTests {

	private InteropTestSupport support;

	private String topic;

	private JavaInteropEndpoint js1;

	private JavaInteropEndpoint js2;

	/**
	 * Returns the cell the suite runs in.
	 * @return the cell
	 */
	protected abstract InteropCell cell();

	@BeforeEach
	void startJavaServers() {
		this.support = new InteropTestSupport(cell());
		this.topic = InteropTestSupport.uniqueTopic("py2java");
		this.js1 = this.support.javaServer(this.topic, "js1");
		this.js2 = this.support.javaServer(this.topic, "js2");
	}

	@AfterEach
	void stop() throws Exception {
		this.support.close();
	}

	@Test
	@Timeout(90)
	@SuppressWarnings("unchecked")
	void everythingAPythonClientDoesWorksAgainstJavaServers() {
		Map<String, @Nullable Object> nested = InteropPayloads.nested();
		String megabyte = InteropPayloads.oneMegabyte();
		Map<String, Object> ctxt = new LinkedHashMap<>();
		ctxt.put("user_id", "u1");
		ctxt.put("request_id", "req-1");
		ctxt.put("roles", List.of("admin", "r\u00f4le"));
		ctxt.put("is_admin", true);
		ctxt.put("nothing", null);
		ctxt.put("unicode", "\ud83d\ude00");
		List<Step> steps = List.of(
				// 0: a 6 s call under a 4 s call monitor: only Java's heartbeats save it
				call("sleep").arg("seconds", 6)
					.timeout(Duration.ofSeconds(30))
					.callMonitorTimeout(Duration.ofSeconds(4)),
				// 1: context and nested arguments round trip
				call("echo").arg("value", nested).ctxt(ctxt),
				// 2: nested result
				call("echo_value").arg("value", nested),
				// 3: directed call (T.S)
				call("whoami").server("js2"),
				// 4, 5: casts
				cast("record").arg("kind", "topic").ctxt("user_id", "caster"),
				cast("record").arg("kind", "fanout").fanout(),
				// 6: a Java exception
				call("fail").arg("message", "boom from java \u00e9"),
				// 7, 8: dispatcher refusals
				call("nope"), call("echo").arg("value", 1).version("2.0"),
				// 9, 10: argument mistakes
				call("add").arg("a", 1), call("add").arg("a", 2).arg("b", 40).arg("c", 3),
				// 11: plain call
				call("add").arg("a", 2).arg("b", 40),
				// 12: the second endpoint, by namespace
				call("ping").namespace("control").version("1.0"),
				// 13, 14: 1 MB both ways
				call("echo_value").arg("value", megabyte), call("big").arg("size", 1_000_000),
				// 15: a directed cast
				cast("record").arg("kind", "directed").server("js1"),
				// 16: a compatible minor version is refused too (endpoint 1.0)
				call("add").arg("a", 1).arg("b", 1).version("1.1"));
		// everything runs concurrently with the slow call; then a last fanout cast, just
		// before the client exits
		List<Map<String, Object>> lines = PythonOslo.runClient(cell().peer(), cell().pythonUrl("client"), this.topic,
				List.of(parallel(steps), cast("record").arg("kind", "fanout-last").fanout()), Duration.ofSeconds(60));
		long returned = System.nanoTime();
		assertThat(ok(lines.get(1))).isNull();
		List<Map<String, Object>> results = (List<Map<String, Object>>) lines.get(0).get("result");

		assertThat(results.get(0)).containsEntry("ok", true).containsEntry("result", "slept 6");
		assertThat(((Number) results.get(0).get("elapsed")).doubleValue()).isBetween(5.9, 20.0);

		Map<String, Object> echoed = (Map<String, Object>) ok(results.get(1));
		Map<String, Object> expectedCtxt = new LinkedHashMap<>(ctxt);
		expectedCtxt.put("client_timeout", null);
		assertThat(echoed.get("ctxt")).isEqualTo(expectedCtxt);
		assertThat(echoed.get("kw")).isEqualTo(Map.of("value", nested));

		assertThat(ok(results.get(2))).isEqualTo(nested);
		assertThat(ok(results.get(3))).isEqualTo(mapOf("server", "js2", "ctxt", mapOf("client_timeout", null)));
		assertThat(ok(results.get(4))).isNull();
		assertThat(ok(results.get(5))).isNull();

		// a Java exception: RemoteError with the simple class name and the message
		assertThat(results.get(6)).containsEntry("ok", false)
			.containsEntry("type", "RemoteError")
			.containsEntry("module", "oslo_messaging.rpc.client")
			.containsEntry("exc_type", "IllegalArgumentException")
			.containsEntry("value", "boom from java \u00e9");
		assertThat((String) results.get(6).get("message"))
			.startsWith("Remote error: IllegalArgumentException boom from java \u00e9\n[");

		assertThat(results.get(7)).containsEntry("ok", false)
			.containsEntry("type", "RemoteError")
			.containsEntry("exc_type", "NoSuchMethod")
			.containsEntry("value", "Endpoint does not support RPC method nope");
		assertThat((String) results.get(7).get("message"))
			.startsWith("Remote error: NoSuchMethod Endpoint does not support RPC method nope\n");
		assertThat(results.get(8)).containsEntry("ok", false)
			.containsEntry("type", "RemoteError")
			.containsEntry("exc_type", "UnsupportedVersion")
			.containsEntry("value", "Endpoint does not support RPC version 2.0. Attempted method: echo");

		// builtins.TypeError is rebuilt as Python's own TypeError
		assertThat(results.get(9)).containsEntry("ok", false)
			.containsEntry("type", "TypeError")
			.containsEntry("module", "builtins")
			.containsEntry("exc_type", null);
		assertThat((String) results.get(9).get("message"))
			.startsWith("JavaInteropEndpoint.add() missing 1 required positional argument: 'b'\n");
		assertThat(results.get(10)).containsEntry("ok", false).containsEntry("type", "TypeError");
		assertThat((String) results.get(10).get("message"))
			.startsWith("JavaInteropEndpoint.add() got an unexpected keyword argument 'c'\n");

		assertThat(ok(results.get(11))).isEqualTo(42);
		assertThat(ok(results.get(12))).isIn("js1", "js2");
		assertThat(ok(results.get(13))).isEqualTo(megabyte);
		assertThat((String) ok(results.get(14))).hasSize(1_000_000).matches("x+");
		assertThat(ok(results.get(15))).isNull();
		assertThat(results.get(16)).containsEntry("ok", false)
			.containsEntry("exc_type", "UnsupportedVersion")
			.containsEntry("value", "Endpoint does not support RPC version 1.1. Attempted method: add");

		// the last fanout cast reached both servers within the fanout delivery time of
		// the client's exit; every fanout cast reached each server once, the topic cast
		// one of them, the directed cast js1
		Duration left = AbstractJavaClientPythonServerTests.FANOUT_DELIVERY.minusNanos(System.nanoTime() - returned);
		await().atMost(left.isNegative() ? Duration.ofMillis(1) : left)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> {
				assertThat(kinds(this.js1)).contains("fanout-last");
				assertThat(kinds(this.js2)).contains("fanout-last");
			});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kinds(this.js1)).contains("directed"));
		assertThat(kinds(this.js1)).containsOnlyOnce("fanout", "fanout-last");
		assertThat(kinds(this.js2)).containsOnlyOnce("fanout", "fanout-last");
		List<String> all = new ArrayList<>(kinds(this.js1));
		all.addAll(kinds(this.js2));
		assertThat(all).containsExactlyInAnyOrder("fanout", "fanout", "fanout-last", "fanout-last", "topic",
				"directed");
		// a cast's context has client_timeout None, like Python's
		assertThat(this.js1.recorded.stream().filter((e) -> "fanout".equals(e.get("kind"))).findFirst().orElseThrow())
			.containsEntry("ctxt", mapOf("client_timeout", null));
		Map<String, @Nullable Object> topicCast = new ArrayList<>(this.js1.recorded).stream()
			.filter((e) -> "topic".equals(e.get("kind")))
			.findFirst()
			.orElseGet(() -> this.js2.recorded.stream()
				.filter((e) -> "topic".equals(e.get("kind")))
				.findFirst()
				.orElseThrow());
		assertThat(topicCast).containsEntry("ctxt", mapOf("user_id", "caster", "client_timeout", null));
	}

	@Test
	@Timeout(60)
	void allowingAJavaPackageAsRemoteModuleStillGivesRemoteErrorAndBuiltinsStayBuiltins() {
		List<Map<String, Object>> results = PythonOslo.runClient(cell().peer(), cell().pythonUrl("client"), this.topic,
				List.of(call("fail").arg("message", "not importable"), call("add").arg("a", "x").arg("b", 1)),
				Duration.ofSeconds(30), "--allowed-remote-exmods", "java.lang,builtins");
		// the module is allowed, but "import java.lang" fails: oslo falls back to
		// RemoteError
		assertThat(results.get(0)).containsEntry("ok", false)
			.containsEntry("type", "RemoteError")
			.containsEntry("exc_type", "IllegalArgumentException")
			.containsEntry("value", "not importable");
		assertThat(results.get(1)).containsEntry("ok", false)
			.containsEntry("type", "TypeError")
			.containsEntry("module", "builtins");
		assertThat((String) results.get(1).get("message")).startsWith("JavaInteropEndpoint.add() argument 'a': ");
	}

	private static @Nullable Object ok(Map<String, Object> line) {
		assertThat(line).containsEntry("ok", true);
		return line.get("result");
	}

	private static List<String> kinds(JavaInteropEndpoint endpoint) {
		return endpoint.recorded.stream().map((event) -> (String) event.get("kind")).toList();
	}

	static Map<String, @Nullable Object> mapOf(Object... keyValues) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

}
