package io.oslo4j.rpc.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.interop.RawAmqp.Capture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input (spec Appendix B) published with a raw amqp-client straight into a server's
 * topic, against a Java server and a real Python server: each bad message is followed by
 * a valid call that must be answered (the consumer never dies), and the two servers must
 * answer (or not answer) every bad message the same way.
 */
class BadInputTest {

	/** What one scenario published and which call ids to look for. */
	private record Published(List<String> msgIds) {
	}

	@Test
	@Timeout(120)
	void javaServerHandlesBadInputExactlyAsPythonDoes() throws Exception {
		try (InteropTestSupport support = new InteropTestSupport()) {
			String javaTopic = InteropTestSupport.uniqueTopic("badj");
			String pythonTopic = InteropTestSupport.uniqueTopic("badp");
			CompletableFuture<PythonOslo.PythonServer> python = CompletableFuture
				.supplyAsync(() -> support.pythonServer(pythonTopic, "s"));
			support.javaServer(javaTopic, "s");
			python.join();
			Connection connection = support.rawConnection();
			Channel channel = connection.createChannel();
			String replyQueue = "reply_" + RawAmqp.newId();
			support.queues(replyQueue);
			channel.queueDeclare(replyQueue, false, false, false, Map.of("x-expires", 1800000));
			Capture replies = new Capture(connection, replyQueue);

			Map<String, List<List<Map<String, @Nullable Object>>>> fromJava = run(channel, javaTopic, replyQueue,
					replies);
			Map<String, List<List<Map<String, @Nullable Object>>>> fromPython = run(channel, pythonTopic, replyQueue,
					replies);

			// what oslo does, checked on both
			for (Map<String, List<List<Map<String, @Nullable Object>>>> outcome : List.of(fromJava, fromPython)) {
				for (String rejected : List.of("not-json", "envelope-2.1", "envelope-1.0", "no-content-type",
						"text-plain")) {
					assertThat(outcome.get(rejected)).as(rejected).allSatisfy((r) -> assertThat(r).isEmpty());
				}
				assertThat(outcome.get("legacy-no-envelope")).containsExactly(List.of(result("legacy")));
				assertThat(outcome.get("raw-utf8")).containsExactly(List.of(result("\u00e9\ud83d\ude00")));
				assertFailure(outcome, "args-list", "AttributeError", "builtins");
				assertFailure(outcome, "args-null", "AttributeError", "builtins");
				assertFailure(outcome, "version-1", "IndexError", "builtins");
				assertFailure(outcome, "version-null", "UnsupportedVersion", "oslo_messaging.rpc.dispatcher");
				assertFailure(outcome, "version-1.0.1", "UnsupportedVersion", "oslo_messaging.rpc.dispatcher");
				// a namespace that is not a string matches no endpoint (not the default
				// one)
				assertFailure(outcome, "namespace-number", "UnsupportedVersion", "oslo_messaging.rpc.dispatcher");
				assertThat(outcome.get("duplicate-unique-id")).containsExactly(List.of(result("first")), List.of());
				assertThat(outcome.get("no-unique-id")).containsExactly(List.of(result("no unique id")));
				assertThat(outcome.get("timeout-1")).containsExactly(List.of(result("slept 2.5")));
				assertThat(outcome.get("timeout-abc")).containsExactly(List.of(result("slept 2.5")));
				assertThat(outcome.get("timeout-2-heartbeats")).hasSize(1);
				// _timeout 2: a heartbeat every int(2)/2 = 1 s of the 2.5 s call
				assertThat(outcome.get("timeout-2-heartbeats").get(0)).containsExactly(heartbeat(), heartbeat(),
						result("slept 2.5"));
				assertFailure(outcome, "wrong-kwarg", "TypeError", "builtins");
			}
			// the exact texts of the failures
			assertThat(messageOf(fromJava, "version-null")).isEqualTo(messageOf(fromPython, "version-null"))
				.isEqualTo("Endpoint does not support RPC version None. Attempted method: echo_value");
			assertThat(messageOf(fromJava, "version-1.0.1")).isEqualTo(messageOf(fromPython, "version-1.0.1"))
				.isEqualTo("Endpoint does not support RPC version 1.0.1. Attempted method: echo_value");
			assertThat(messageOf(fromJava, "namespace-number")).isEqualTo(messageOf(fromPython, "namespace-number"))
				.isEqualTo("Endpoint does not support RPC version 1.0. Attempted method: echo_value");
			assertThat(messageOf(fromJava, "version-1")).isEqualTo(messageOf(fromPython, "version-1"))
				.isEqualTo("list index out of range");
			assertThat(messageOf(fromJava, "args-list")).isEqualTo(messageOf(fromPython, "args-list"));
			assertThat(messageOf(fromJava, "args-null")).isEqualTo(messageOf(fromPython, "args-null"));
			// both name the method by its class-qualified name, as Python does
			assertThat(messageOf(fromPython, "wrong-kwarg"))
				.isEqualTo("Api.echo_value() got an unexpected keyword argument 'nope'");
			assertThat(messageOf(fromJava, "wrong-kwarg"))
				.isEqualTo("JavaInteropEndpoint.echo_value() got an unexpected keyword argument 'nope'");
			// the context of a call with _timeout "abc" carries it as client_timeout
			assertThat(fromJava.get("timeout-abc-ctxt")).isEqualTo(fromPython.get("timeout-abc-ctxt"));
			assertThat(fromJava.get("timeout-abc-ctxt").get(0).get(0))
				.extracting((reply) -> ((Map<?, ?>) reply.get("result")).get("ctxt"))
				.isEqualTo(Map.of("client_timeout", "abc"));

			// rejected messages were not requeued: once the Java server is gone, its
			// topic queue is empty (a requeue would leave them there)
			support.javaRpcServer(javaTopic, "s").close();
			assertThat(channel.queueDeclarePassive(javaTopic).getMessageCount()).isZero();
			assertThat(channel.basicGet(javaTopic, true)).isNull();
		}
	}

	private Map<String, List<List<Map<String, @Nullable Object>>>> run(Channel channel, String topic, String replyQueue,
			Capture replies) {
		Map<String, Published> published = new LinkedHashMap<>();
		List<String> followUps = new ArrayList<>();
		Map<String, Map<String, @Nullable Object>> scenarios = new LinkedHashMap<>();
		for (String name : List.of("not-json", "legacy-no-envelope", "envelope-2.1", "envelope-1.0", "no-content-type",
				"text-plain", "raw-utf8", "args-list", "args-null", "version-1", "version-null", "version-1.0.1",
				"namespace-number", "duplicate-unique-id", "no-unique-id", "timeout-1", "timeout-abc",
				"timeout-2-heartbeats", "timeout-abc-ctxt", "wrong-kwarg")) {
			published.put(name, publishBad(channel, topic, replyQueue, name));
			// a valid call after each: the consumer must still answer
			String followUp = RawAmqp.newId();
			followUps.add(followUp);
			publish(channel, topic, RawAmqp.osloProperties().build(), RawAmqp.envelope("2.0",
					call("echo_value", Map.of("value", "after " + name), followUp, replyQueue)));
			replies.awaitDeliveries((d) -> followUp.equals(d.inner().get("_msg_id")), 1, Duration.ofSeconds(10));
		}
		// the slow ones (2.5 s) finish; then nothing more arrives for the others
		for (String slow : List.of("timeout-1", "timeout-abc", "timeout-2-heartbeats")) {
			String msgId = published.get(slow).msgIds().get(0);
			replies.awaitDeliveries(
					(d) -> msgId.equals(d.inner().get("_msg_id")) && Boolean.TRUE.equals(d.inner().get("ending")), 1,
					Duration.ofSeconds(10));
		}
		int seen = replies.deliveries.size();
		await().pollDelay(Duration.ofMillis(500)).until(() -> replies.deliveries.size() == seen);
		Map<String, List<List<Map<String, @Nullable Object>>>> outcome = new LinkedHashMap<>();
		published.forEach((name, p) -> {
			List<List<Map<String, @Nullable Object>>> perCall = new ArrayList<>();
			for (String msgId : p.msgIds()) {
				perCall.add(replies.replies(msgId).stream().map(BadInputTest::essence).toList());
			}
			outcome.put(name, perCall);
		});
		return outcome;
	}

	private static Published publishBad(Channel channel, String topic, String replyQueue, String name) {
		AMQP.BasicProperties json = RawAmqp.osloProperties().build();
		String id = RawAmqp.newId();
		Map<String, @Nullable Object> echo = call("echo_value", Map.of("value", "x"), id, replyQueue);
		switch (name) {
			case "not-json" -> publish(channel, topic, json, "{not json, \"_msg_id\": \"" + id + "\"");
			case "legacy-no-envelope" -> publish(channel, topic, json,
					RawAmqp.JSON.writeValueAsString(call("echo_value", Map.of("value", "legacy"), id, replyQueue)));
			case "envelope-2.1" -> publish(channel, topic, json, RawAmqp.envelope("2.1", echo));
			case "envelope-1.0" -> publish(channel, topic, json, RawAmqp.envelope("1.0", echo));
			case "no-content-type" -> publish(channel, topic,
					new AMQP.BasicProperties.Builder().deliveryMode(2).contentEncoding("utf-8").build(),
					RawAmqp.envelope("2.0", echo));
			case "text-plain" -> publish(channel, topic, RawAmqp.osloProperties().contentType("text/plain").build(),
					RawAmqp.envelope("2.0", echo));
			case "raw-utf8" -> publish(channel, topic, json,
					RawAmqp.envelope("2.0", call("echo_value", Map.of("value", "\u00e9\ud83d\ude00"), id, replyQueue)));
			case "args-list" -> {
				echo.put("args", List.of(1, 2));
				publish(channel, topic, json, RawAmqp.envelope("2.0", echo));
			}
			case "args-null" -> {
				echo.put("args", null);
				publish(channel, topic, json, RawAmqp.envelope("2.0", echo));
			}
			case "version-1" -> {
				echo.put("version", "1");
				publish(channel, topic, json, RawAmqp.envelope("2.0", echo));
			}
			case "version-null" -> {
				echo.put("version", null);
				publish(channel, topic, json, RawAmqp.envelope("2.0", echo));
			}
			case "version-1.0.1" -> {
				echo.put("version", "1.0.1");
				publish(channel, topic, json, RawAmqp.envelope("2.0", echo));
			}
			case "namespace-number" -> {
				echo.put("namespace", 5);
				publish(channel, topic, json, RawAmqp.envelope("2.0", echo));
			}
			case "duplicate-unique-id" -> {
				String second = RawAmqp.newId();
				Map<String, @Nullable Object> first = call("echo_value", Map.of("value", "first"), id, replyQueue);
				Map<String, @Nullable Object> again = call("echo_value", Map.of("value", "second"), second, replyQueue);
				again.put("_unique_id", first.get("_unique_id"));
				publish(channel, topic, json, RawAmqp.envelope("2.0", first));
				publish(channel, topic, json, RawAmqp.envelope("2.0", again));
				return new Published(List.of(id, second));
			}
			case "no-unique-id" -> {
				Map<String, @Nullable Object> request = call("echo_value", Map.of("value", "no unique id"), id,
						replyQueue);
				request.remove("_unique_id");
				publish(channel, topic, json, RawAmqp.envelope("2.0", request));
			}
			case "timeout-1", "timeout-abc", "timeout-2-heartbeats" -> {
				Map<String, @Nullable Object> request = call("sleep", Map.of("seconds", 2.5), id, replyQueue);
				request.put("_timeout", switch (name) {
					case "timeout-1" -> 1;
					case "timeout-abc" -> "abc";
					default -> 2;
				});
				publish(channel, topic, json, RawAmqp.envelope("2.0", request));
			}
			case "timeout-abc-ctxt" -> {
				Map<String, @Nullable Object> request = call("whoami", Map.of(), id, replyQueue);
				request.put("_timeout", "abc");
				publish(channel, topic, json, RawAmqp.envelope("2.0", request));
			}
			case "wrong-kwarg" -> publish(channel, topic, json,
					RawAmqp.envelope("2.0", call("echo_value", Map.of("value", 1, "nope", 2), id, replyQueue)));
			default -> throw new IllegalArgumentException(name);
		}
		return new Published(List.of(id));
	}

	private static Map<String, @Nullable Object> call(String method, Map<String, ?> args, String msgId,
			String replyQueue) {
		Map<String, @Nullable Object> inner = new LinkedHashMap<>();
		inner.put("method", method);
		inner.put("args", new LinkedHashMap<>(args));
		inner.put("_msg_id", msgId);
		inner.put("_reply_q", replyQueue);
		inner.put("_timeout", null);
		inner.put("_unique_id", RawAmqp.newId());
		return inner;
	}

	private static void publish(Channel channel, String topic, AMQP.BasicProperties properties, String body) {
		RawAmqp.publish(channel, "openstack", topic, properties, body);
	}

	/** A reply without ids, its failure reduced to class and module. */
	private static Map<String, @Nullable Object> essence(RawAmqp.Delivery delivery) {
		Map<String, @Nullable Object> inner = delivery.inner();
		Map<String, @Nullable Object> essence = new LinkedHashMap<>();
		essence.put("result", inner.get("result"));
		essence.put("ending", inner.get("ending"));
		if (inner.get("failure") instanceof String failure) {
			Map<String, @Nullable Object> parsed = RawAmqp.parse(failure);
			essence.put("failure", Map.of("class", parsed.get("class"), "module", parsed.get("module")));
			essence.put("message", parsed.get("message"));
		}
		else {
			essence.put("failure", inner.get("failure"));
		}
		return essence;
	}

	private static Map<String, @Nullable Object> result(Object value) {
		return PythonClientJavaServerTest.mapOf("result", value, "ending", true, "failure", null);
	}

	private static Map<String, @Nullable Object> heartbeat() {
		return PythonClientJavaServerTest.mapOf("result", null, "ending", false, "failure", null);
	}

	private static void assertFailure(Map<String, List<List<Map<String, @Nullable Object>>>> outcome, String name,
			String className, String module) {
		assertThat(outcome.get(name)).as(name).hasSize(1);
		assertThat(outcome.get(name).get(0)).as(name).singleElement().satisfies((reply) -> {
			assertThat(reply).containsEntry("result", null).containsEntry("ending", true);
			assertThat(reply.get("failure")).isEqualTo(Map.of("class", className, "module", module));
		});
	}

	private static @Nullable Object messageOf(Map<String, List<List<Map<String, @Nullable Object>>>> outcome,
			String name) {
		return outcome.get(name).get(0).get(0).get("message");
	}

}
