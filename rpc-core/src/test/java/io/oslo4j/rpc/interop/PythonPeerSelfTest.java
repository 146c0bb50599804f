package io.oslo4j.rpc.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.oslo4j.rpc.interop.PythonOslo.PythonServer;
import io.oslo4j.rpc.interop.PythonOslo.RawCapture;
import io.oslo4j.rpc.test.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.interop.PythonOslo.call;
import static io.oslo4j.rpc.interop.PythonOslo.cast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Proves the Python interop harness with Python on both sides: a real oslo.messaging
 * client against real oslo.messaging servers.
 */
class PythonPeerSelfTest {

	private static String uniqueTopic() {
		return "py_selftest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	@Test
	@Timeout(120)
	void pythonClientAgainstPythonServers() {
		String url = TestBroker.url();
		PythonOslo.python();
		String topic = uniqueTopic();
		PythonServer s1 = PythonOslo.startServer(url, topic, "s1");
		try (s1; PythonServer s2 = PythonOslo.startServer(url, topic, "s2")) {
			List<Map<String, Object>> steps = List.of(
					call("echo").arg("a", 1).arg("b", List.of("x", "y")).ctxt("user_id", "u1"),
					call("whoami").server("s2"), cast("record").arg("kind", "topic"),
					cast("record").arg("kind", "fanout").fanout(), call("fail").arg("message", "boom from python"),
					call("nope"), call("echo").version("2.0"), call("ping").namespace("control").version("1.0"),
					call("add").arg("a", 2).arg("b", 40),
					call("sleep").arg("seconds", 6)
						.timeout(Duration.ofSeconds(30))
						.callMonitorTimeout(Duration.ofSeconds(4)),
					call("echo").server("nobody").timeout(Duration.ofSeconds(2)));
			List<Map<String, Object>> results = PythonOslo.runClient(url, topic, steps, Duration.ofSeconds(60));

			// call to the topic: the ctxt comes back plus client_timeout
			assertThat(results.get(0)).containsEntry("ok", true);
			assertThat(results.get(0)).extractingByKey("result")
				.isEqualTo(Map.of("ctxt", mapWithNull("user_id", "u1", "client_timeout"), "kw",
						Map.of("a", 1, "b", List.of("x", "y"))));
			// call to a server
			assertThat(results.get(1)).containsEntry("ok", true)
				.extractingByKey("result")
				.isEqualTo(Map.of("server", "s2", "ctxt", mapWithNull("client_timeout")));
			// casts return nothing
			assertThat(results.get(2)).containsEntry("ok", true).containsEntry("result", null);
			assertThat(results.get(3)).containsEntry("ok", true).containsEntry("result", null);
			// a builtin exception is rebuilt as itself, the remote traceback appended
			assertThat(results.get(4)).containsEntry("ok", false)
				.containsEntry("type", "ValueError")
				.containsEntry("module", "builtins")
				.containsEntry("exc_type", null);
			assertThat((String) results.get(4).get("message")).startsWith("boom from python\nTraceback");
			// oslo's own exceptions are not allowed modules: RemoteError
			assertThat(results.get(5)).containsEntry("ok", false)
				.containsEntry("type", "RemoteError")
				.containsEntry("module", "oslo_messaging.rpc.client")
				.containsEntry("exc_type", "NoSuchMethod")
				.containsEntry("value", "Endpoint does not support RPC method nope");
			assertThat((String) results.get(5).get("message"))
				.startsWith("Remote error: NoSuchMethod Endpoint does not support RPC method nope\n");
			assertThat(results.get(6)).containsEntry("ok", false)
				.containsEntry("type", "RemoteError")
				.containsEntry("exc_type", "UnsupportedVersion")
				.containsEntry("value", "Endpoint does not support RPC version 2.0. Attempted method: echo");
			// the second endpoint, by namespace
			assertThat(results.get(7)).containsEntry("ok", true);
			assertThat(results.get(7).get("result")).isIn("s1", "s2");
			assertThat(results.get(8)).containsEntry("ok", true).containsEntry("result", 42);
			// heartbeats keep a 6 s call alive with a 4 s call monitor
			assertThat(results.get(9)).containsEntry("ok", true).containsEntry("result", "slept 6");
			assertThat(((Number) results.get(9).get("elapsed")).doubleValue()).isBetween(5.9, 20.0);
			// nobody listens: MessagingTimeout after the timeout
			assertThat(results.get(10)).containsEntry("ok", false)
				.containsEntry("type", "MessagingTimeout")
				.containsEntry("module", "oslo_messaging.exceptions");
			assertThat((String) results.get(10).get("message"))
				.matches("Timed out waiting for a reply to message ID [0-9a-f]{32}");
			assertThat(((Number) results.get(10).get("elapsed")).doubleValue()).isBetween(1.9, 10.0);

			// the fanout cast reached both servers, the topic cast exactly one
			List<Map<String, Object>> recorded1 = s1.awaitRecorded(1, Duration.ofSeconds(10));
			List<Map<String, Object>> recorded2 = s2.awaitRecorded(1, Duration.ofSeconds(10));
			assertThat(recorded1).contains(Map.of("kind", "fanout"));
			assertThat(recorded2).contains(Map.of("kind", "fanout"));
			List<Map<String, Object>> all = new ArrayList<>(recorded1);
			all.addAll(recorded2);
			assertThat(all).containsExactlyInAnyOrder(Map.of("kind", "fanout"), Map.of("kind", "fanout"),
					Map.of("kind", "topic"));
		}
		// SIGTERM makes the server stop cleanly
		assertThat(s1.isAlive()).isFalse();
		assertThat(s1.exitValue()).isZero();
		// and, as asked by PythonOslo, removes its queues (s2, stopped first, left the
		// shared topic queue to s1)
		assertThat(s1.stderrTail(5000)).contains("queue cleanup: deleted " + topic + ".s1")
			.contains("queue cleanup: deleted " + topic + "\n");
		assertThat(s1.stdoutLines()).last().asString().contains("\"stopped\"");
	}

	@Test
	@Timeout(60)
	void rawCaptureSeesWhatPythonPublishes() {
		String url = TestBroker.url();
		String topic = uniqueTopic();
		try (RawCapture capture = PythonOslo.startCapture(url, "openstack", "--routing-key", topic)) {
			List<Map<String, Object>> results = PythonOslo.runClient(url, topic,
					List.of(cast("echo").arg("a", 2).ctxt("user_id", "u1")), Duration.ofSeconds(30));
			assertThat(results.get(0)).containsEntry("ok", true);
			Map<String, Object> message = capture.awaitMessages(1, Duration.ofSeconds(10)).get(0);
			assertThat(message).containsEntry("exchange", "openstack").containsEntry("routing_key", topic);
			assertThat(message).extractingByKey("properties")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("content_type", "application/json")
				.containsEntry("content_encoding", "utf-8")
				.containsEntry("delivery_mode", 2);
			assertThat(message).extractingByKey("json")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("oslo.version", "2.0");
			assertThat(message).extractingByKey("oslo_message")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("method", "echo")
				.containsEntry("args", Map.of("a", 2))
				.containsEntry("_context_user_id", "u1")
				.containsKey("_unique_id")
				.doesNotContainKey("_msg_id");
		}
	}

	@Test
	@Timeout(60)
	void serverThatDiesEarlyFailsWithItsStderr() {
		String url = TestBroker.url();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> PythonOslo.startServer(url, uniqueTopic(), "s1", "--executor", "no_such_executor"))
			.withMessageContaining("before READY")
			.withMessageContaining("no_such_executor");
	}

	private static Map<String, Object> mapWithNull(Object... keyValuesThenNullKey) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		int i = 0;
		for (; i + 1 < keyValuesThenNullKey.length; i += 2) {
			map.put((String) keyValuesThenNullKey[i], keyValuesThenNullKey[i + 1]);
		}
		map.put((String) keyValuesThenNullKey[i], null);
		return map;
	}

}
