package io.oslo4j.rpc.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.interop.PythonOslo.Step;
import io.oslo4j.rpc.interop.RawAmqp.Capture;
import io.oslo4j.rpc.interop.RawAmqp.Delivery;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.interop.PythonOslo.call;
import static io.oslo4j.rpc.interop.PythonOslo.cast;
import static io.oslo4j.rpc.interop.PythonOslo.parallel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Byte-level comparison: what oslo4j publishes and what Python oslo.messaging 14
 * publishes for the same request or reply, captured with a raw amqp-client consumer.
 * Properties must be equal and bodies equal byte for byte once 32-hex ids are masked.
 */
class WireCaptureTest {

	private static Map<String, @Nullable Object> args() {
		Map<String, @Nullable Object> args = new LinkedHashMap<>();
		args.put("a", 1);
		args.put("text", InteropPayloads.UNICODE);
		args.put("nested", InteropPayloads.nested());
		return args;
	}

	private static Map<String, @Nullable Object> ctxt() {
		Map<String, @Nullable Object> ctxt = new LinkedHashMap<>();
		ctxt.put("user_id", "u1");
		ctxt.put("request_id", "req-1");
		ctxt.put("roles", List.of("admin"));
		ctxt.put("is_admin", false);
		ctxt.put("domain", null);
		return ctxt;
	}

	@Test
	@Timeout(60)
	void requestsFromJavaAreThoseOfPython() throws Exception {
		try (InteropTestSupport support = new InteropTestSupport()) {
			String topic = InteropTestSupport.uniqueTopic("wire");
			Connection connection = support.rawConnection();
			Channel channel = connection.createChannel();
			channel.exchangeDeclare("openstack", "topic", false, false, null);
			channel.exchangeDeclare(topic + "_fanout", "fanout", false, true, null);
			String queue = channel.queueDeclare("", false, true, true, null).getQueue();
			channel.queueBind(queue, "openstack", topic);
			channel.queueBind(queue, "openstack", topic + ".S");
			channel.queueBind(queue, topic + "_fanout", "");
			Capture capture = new Capture(connection, queue);

			RpcTemplate client = new RpcTemplate(support.transport(), Target.topic(topic))
				.prepare((p) -> p.timeout(Duration.ofSeconds(2)));
			RpcContext ctx = RpcContext.of(ctxt());
			List<CompletableFuture<Object>> calls = new ArrayList<>();
			calls.add(client.callAsync(ctx, "echo", args(), Object.class));
			calls.add(client.prepare((p) -> p.server("S")).callAsync(ctx, "echo", args(), Object.class));
			calls.add(client.prepare((p) -> p.callMonitorTimeout(Duration.ofSeconds(4)))
				.callAsync(ctx, "echo", args(), Object.class));
			client.cast(ctx, "echo", args());
			client.prepare((p) -> p.server("S")).cast(ctx, "echo", args());
			client.prepare((p) -> p.fanout(true)).cast(ctx, "echo", args());
			Map<String, Delivery> fromJava = byKind(capture.awaitDeliveries((d) -> true, 6, Duration.ofSeconds(10)));
			CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((r, ex) -> null).join();

			List<Step> steps = List.of(
					parallel(List.of(call("echo").args(args()).ctxt(ctxt()).with("timeout", 2),
							call("echo").args(args()).ctxt(ctxt()).with("timeout", 2).server("S"),
							call("echo").args(args()).ctxt(ctxt()).with("timeout", 2).with("call_monitor_timeout", 4))),
					cast("echo").args(args()).ctxt(ctxt()), cast("echo").args(args()).ctxt(ctxt()).server("S"),
					cast("echo").args(args()).ctxt(ctxt()).fanout());
			PythonOslo.runClient(support.url, topic, steps, Duration.ofSeconds(30));
			List<Delivery> all = capture.awaitDeliveries((d) -> true, 12, Duration.ofSeconds(10));
			Map<String, Delivery> fromPython = byKind(all.subList(6, 12));

			assertThat(fromJava.keySet()).containsExactlyInAnyOrder("openstack " + topic + " call",
					"openstack " + topic + ".S call", "openstack " + topic + " call monitored",
					"openstack " + topic + " cast", "openstack " + topic + ".S cast", topic + "_fanout  cast");
			assertThat(fromPython.keySet()).isEqualTo(fromJava.keySet());
			for (String kind : fromJava.keySet()) {
				Delivery java = fromJava.get(kind);
				Delivery python = fromPython.get(kind);
				assertThat(java.propertyMap()).as("properties of %s", kind).isEqualTo(python.propertyMap());
				assertThat(RawAmqp.withoutIds(java.body())).as("body of %s", kind)
					.isEqualTo(RawAmqp.withoutIds(python.body()));
				assertThat(java.propertyMap()).containsEntry("content_type", "application/json")
					.containsEntry("content_encoding", "utf-8")
					.containsEntry("delivery_mode", 2)
					.containsEntry("priority", 0)
					.containsEntry("expiration", kind.contains("call") ? "2000" : null);
			}
			// Python writes pure ASCII
			assertThat(fromJava.values()).allSatisfy((d) -> assertThat(d.body()).matches("\\p{ASCII}*"));
		}
	}

	@Test
	@Timeout(60)
	void repliesFromJavaAreThoseOfPython() throws Exception {
		try (InteropTestSupport support = new InteropTestSupport()) {
			String javaTopic = InteropTestSupport.uniqueTopic("wirej");
			String pythonTopic = InteropTestSupport.uniqueTopic("wirep");
			CompletableFuture<PythonOslo.PythonServer> started = CompletableFuture
				.supplyAsync(() -> support.pythonServer(pythonTopic, "s"));
			support.javaServer(javaTopic, "s");
			started.join();
			Connection connection = support.rawConnection();
			Channel channel = connection.createChannel();
			String replyQueue = "reply_" + RawAmqp.newId();
			support.queues(replyQueue);
			channel.queueDeclare(replyQueue, false, false, false, Map.of("x-expires", 1800000));
			Capture capture = new Capture(connection, replyQueue);

			Map<String, Map<String, List<Delivery>>> bySide = new LinkedHashMap<>();
			Map<String, Map<String, String>> ids = new LinkedHashMap<>();
			for (String topic : List.of(javaTopic, pythonTopic)) {
				Map<String, String> sideIds = new LinkedHashMap<>();
				for (String kind : List.of("result", "no-such-method", "heartbeats")) {
					String msgId = RawAmqp.newId();
					sideIds.put(kind, msgId);
					Map<String, @Nullable Object> inner = new LinkedHashMap<>();
					switch (kind) {
						case "result" -> {
							inner.put("method", "echo_value");
							inner.put("args", Map.of("value", args()));
						}
						case "no-such-method" -> {
							inner.put("method", "nope");
							inner.put("args", Map.of());
						}
						default -> {
							inner.put("method", "sleep");
							inner.put("args", Map.of("seconds", 2.5));
						}
					}
					inner.put("_msg_id", msgId);
					inner.put("_reply_q", replyQueue);
					inner.put("_timeout", kind.equals("heartbeats") ? 2 : null);
					inner.put("_unique_id", RawAmqp.newId());
					inner.put("_context_user_id", "u1");
					RawAmqp.publish(channel, "openstack", topic, RawAmqp.osloProperties().expiration("10000").build(),
							RawAmqp.envelope("2.0", inner));
				}
				ids.put(topic, sideIds);
			}
			for (String topic : List.of(javaTopic, pythonTopic)) {
				Map<String, List<Delivery>> byKind = new LinkedHashMap<>();
				ids.get(topic)
					.forEach((kind, msgId) -> byKind.put(kind,
							capture.awaitDeliveries((d) -> msgId.equals(d.inner().get("_msg_id")),
									kind.equals("heartbeats") ? 3 : 1, Duration.ofSeconds(15))));
				bySide.put(topic, byKind);
			}
			Map<String, List<Delivery>> java = bySide.get(javaTopic);
			Map<String, List<Delivery>> python = bySide.get(pythonTopic);
			for (String kind : List.of("result", "heartbeats")) {
				assertThat(java.get(kind)).hasSameSizeAs(python.get(kind));
				for (int i = 0; i < java.get(kind).size(); i++) {
					Delivery j = java.get(kind).get(i);
					Delivery p = python.get(kind).get(i);
					assertThat(j.propertyMap()).as("properties of %s reply %s", kind, i).isEqualTo(p.propertyMap());
					assertThat(RawAmqp.withoutIds(j.body())).as("body of %s reply %s", kind, i)
						.isEqualTo(RawAmqp.withoutIds(p.body()));
				}
			}
			assertThat(java.get("result").get(0).propertyMap()).containsEntry("content_type", "application/json")
				.containsEntry("content_encoding", "utf-8")
				.containsEntry("delivery_mode", 2)
				.containsEntry("priority", 0)
				.containsEntry("expiration", null);
			// a failure: the same envelope and key order; the failure's fields equal
			// but for the traceback
			Delivery j = java.get("no-such-method").get(0);
			Delivery p = python.get("no-such-method").get(0);
			assertThat(j.propertyMap()).isEqualTo(p.propertyMap());
			Map<String, @Nullable Object> jInner = j.inner();
			Map<String, @Nullable Object> pInner = p.inner();
			assertThat(jInner.keySet()).containsExactlyElementsOf(pInner.keySet());
			Map<String, @Nullable Object> jFailure = RawAmqp.parse((String) jInner.get("failure"));
			Map<String, @Nullable Object> pFailure = RawAmqp.parse((String) pInner.get("failure"));
			assertThat(jFailure.keySet()).containsExactly("class", "module", "message", "tb", "args", "kwargs")
				.containsExactlyElementsOf(pFailure.keySet());
			jFailure.remove("tb");
			pFailure.remove("tb");
			assertThat(jFailure).isEqualTo(pFailure);
		}
	}

	private static Map<String, Delivery> byKind(List<Delivery> deliveries) {
		Map<String, Delivery> byKind = new LinkedHashMap<>();
		for (Delivery delivery : deliveries) {
			Map<String, @Nullable Object> inner = delivery.inner();
			String kind = delivery.exchange() + " " + delivery.routingKey() + " "
					+ (inner.containsKey("_msg_id") ? "call" : "cast")
					+ ((inner.get("_timeout") != null) ? " monitored" : "");
			assertThat(byKind.put(kind, delivery)).as("one %s", kind).isNull();
		}
		return byKind;
	}

}
