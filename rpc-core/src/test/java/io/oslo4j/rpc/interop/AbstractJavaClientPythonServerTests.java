package io.oslo4j.rpc.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.rabbitmq.client.Channel;
import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.interop.PythonOslo.PythonServer;
import io.oslo4j.rpc.transport.Transport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.interop.AbstractPythonClientJavaServerTests.mapOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java client against two real Python oslo.messaging servers ({@code oslo_server.py},
 * started once for the class) in one {@link InteropCell} of the interop matrix: calls
 * with payloads and context, directed calls, casts, fanout casts reaching every server
 * within {@link #FANOUT_DELIVERY}, Python's errors and dispatcher refusals with oslo's
 * texts, call-monitor heartbeats and timeouts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
public abstract class AbstractJavaClientPythonServerTests {

	/** How long a fanout cast may take to reach every server. */
	static final Duration FANOUT_DELIVERY = Duration.ofSeconds(2);

	private InteropTestSupport support;

	private String topic;

	private PythonServer p1;

	private PythonServer p2;

	private Transport transport;

	/**
	 * Returns the cell the suite runs in.
	 * @return the cell
	 */
	protected abstract InteropCell cell();

	@BeforeAll
	void startPythonServers() {
		this.support = new InteropTestSupport(cell());
		this.topic = InteropTestSupport.uniqueTopic("java2py");
		CompletableFuture<PythonServer> first = CompletableFuture
			.supplyAsync(() -> this.support.pythonServer(this.topic, "p1"));
		this.p2 = this.support.pythonServer(this.topic, "p2");
		this.p1 = first.join();
		this.transport = this.support.transport();
	}

	@AfterAll
	void stop() throws Exception {
		this.support.close();
	}

	private RpcTemplate client() {
		return new RpcTemplate(this.transport, Target.topic(this.topic))
			.prepare((p) -> p.timeout(Duration.ofSeconds(10)));
	}

	@Test
	@SuppressWarnings("unchecked")
	void callsWithNestedPayloadsAndContextRoundTrip() {
		Map<String, @Nullable Object> nested = InteropPayloads.nested();
		Map<String, @Nullable Object> ctxt = new LinkedHashMap<>();
		ctxt.put("user_id", "u1");
		ctxt.put("request_id", "req-1");
		ctxt.put("roles", List.of("admin", "r\u00f4le"));
		ctxt.put("nothing", null);
		ctxt.put("unicode", "\ud83d\ude00");
		Map<String, Object> echoed = (Map<String, Object>) client().call(RpcContext.of(ctxt), "echo",
				Map.of("value", nested));
		Map<String, @Nullable Object> expectedCtxt = new LinkedHashMap<>(ctxt);
		expectedCtxt.put("client_timeout", null);
		assertThat(echoed).isEqualTo(mapOf("ctxt", expectedCtxt, "kw", mapOf("value", nested)));

		// the call monitor timeout reaches the Python handler as client_timeout
		Map<String, Object> monitored = (Map<String, Object>) client()
			.prepare((p) -> p.callMonitorTimeout(Duration.ofSeconds(4)))
			.call(RpcContext.of(Map.of("user_id", "u2")), "echo", Map.of());
		assertThat(monitored).isEqualTo(mapOf("ctxt", mapOf("user_id", "u2", "client_timeout", 4), "kw", Map.of()));

		assertThat(client().call(RpcContext.empty(), "echo_value", Map.of("value", nested))).isEqualTo(nested);
		assertThat(client().call(RpcContext.empty(), "add", Map.of("a", InteropPayloads.BEYOND_LONG, "b", 1)))
			.isEqualTo(InteropPayloads.BEYOND_LONG.add(java.math.BigInteger.ONE));
		assertThat(client().call(RpcContext.empty(), "add", Map.of("a", 0.5, "b", 0.25))).isEqualTo(0.75);
	}

	@Test
	void oneMegabyteBothWays() {
		String megabyte = InteropPayloads.oneMegabyte();
		assertThat(client().call(RpcContext.empty(), "echo_value", Map.of("value", megabyte))).isEqualTo(megabyte);
		assertThat(client().call(RpcContext.empty(), "big", Map.of("size", 1 << 20), String.class)).hasSize(1 << 20)
			.matches("x+");
	}

	@Test
	@SuppressWarnings("unchecked")
	void directedCallsNamespacesAndBothServersShareTheTopic() {
		for (String server : List.of("p1", "p2")) {
			Map<String, Object> who = (Map<String, Object>) client().prepare((p) -> p.server(server))
				.call(RpcContext.empty(), "whoami", Map.of());
			assertThat(who).isEqualTo(mapOf("server", server, "ctxt", mapOf("client_timeout", null)));
		}
		List<Object> pings = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			pings.add(client().prepare((p) -> p.namespace("control").version("1.0"))
				.call(RpcContext.empty(), "ping", Map.of()));
		}
		assertThat(pings).containsOnly("p1", "p2").contains("p1", "p2");
	}

	@Test
	void castsFanoutCastsAndDirectedCasts() {
		client().prepare((p) -> p.fanout(true)).cast(RpcContext.empty(), "record", Map.of("kind", "fanout-cast"));
		long sent = System.nanoTime();
		for (PythonServer server : List.of(this.p1, this.p2)) {
			server.awaitJson((e) -> "fanout-cast".equals(kind(e)), 1,
					FANOUT_DELIVERY.minusNanos(System.nanoTime() - sent));
		}
		client().cast(RpcContext.of(Map.of("user_id", "caster")), "record", Map.of("kind", "topic-cast"));
		client().prepare((p) -> p.server("p2")).cast(RpcContext.empty(), "record", Map.of("kind", "directed-cast"));
		this.p2.awaitJson((e) -> "directed-cast".equals(kind(e)), 1, Duration.ofSeconds(10));
		List<Map<String, Object>> topicCasts = new ArrayList<>();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			topicCasts.clear();
			for (PythonServer server : List.of(this.p1, this.p2)) {
				server.events().stream().filter((e) -> "topic-cast".equals(kind(e))).forEach(topicCasts::add);
			}
			assertThat(topicCasts).hasSize(1);
		});
		// a cast's context: client_timeout None
		assertThat(topicCasts.get(0)).containsEntry("ctxt", mapOf("user_id", "caster", "client_timeout", null));
		assertThat(this.p1.recorded()).doesNotContain(Map.of("kind", "directed-cast"));
		// each server ran the fanout cast once
		assertThat(this.p1.recorded()).containsOnlyOnce(Map.of("kind", "fanout-cast"));
		assertThat(this.p2.recorded()).containsOnlyOnce(Map.of("kind", "fanout-cast"));
	}

	@Test
	void pythonExceptionsAndDispatcherRefusalsArriveWithOslosTexts() {
		assertThatThrownBy(
				() -> client().call(RpcContext.empty(), "fail", Map.of("message", "boom from python \u00e9")))
			.isInstanceOfSatisfying(RemoteRpcException.class, (ex) -> {
				assertThat(ex.remoteClass()).isEqualTo("ValueError");
				assertThat(ex.remoteModule()).isEqualTo("builtins");
				assertThat(ex.remoteMessage()).isEqualTo("boom from python \u00e9");
				assertThat(ex.remoteArgs()).containsExactly("boom from python \u00e9");
				assertThat(ex.remoteTraceback()).first().isEqualTo("Traceback (most recent call last):\n");
				assertThat(ex.remoteTraceback()).last().isEqualTo("ValueError: boom from python \u00e9\n");
			});
		assertThatThrownBy(() -> client().call(RpcContext.empty(), "nope", Map.of()))
			.isInstanceOfSatisfying(RemoteRpcException.class, (ex) -> {
				assertThat(ex.remoteClass()).isEqualTo("NoSuchMethod");
				assertThat(ex.remoteModule()).isEqualTo("oslo_messaging.rpc.dispatcher");
				assertThat(ex.remoteMessage()).isEqualTo("Endpoint does not support RPC method nope");
			});
		assertThatThrownBy(() -> client().prepare((p) -> p.version("2.0")).call(RpcContext.empty(), "echo", Map.of()))
			.isInstanceOfSatisfying(RemoteRpcException.class, (ex) -> {
				assertThat(ex.remoteClass()).isEqualTo("UnsupportedVersion");
				assertThat(ex.remoteModule()).isEqualTo("oslo_messaging.rpc.dispatcher");
				assertThat(ex.remoteMessage())
					.isEqualTo("Endpoint does not support RPC version 2.0. Attempted method: echo");
			});
		assertThatThrownBy(() -> client().call(RpcContext.empty(), "add", Map.of("a", 1)))
			.isInstanceOfSatisfying(RemoteRpcException.class, (ex) -> {
				assertThat(ex.remoteClass()).isEqualTo("TypeError");
				assertThat(ex.remoteModule()).isEqualTo("builtins");
				assertThat(ex.remoteMessage()).isEqualTo("Api.add() missing 1 required positional argument: 'b'");
			});
	}

	@Test
	void heartbeatsKeepALongCallAliveAndANonexistentServerTimesOut() {
		RpcTemplate slow = client()
			.prepare((p) -> p.timeout(Duration.ofSeconds(30)).callMonitorTimeout(Duration.ofSeconds(4)));
		long start = System.nanoTime();
		CompletableFuture<String> sleeping = slow.callAsync(RpcContext.empty(), "sleep", Map.of("seconds", 6),
				String.class);
		RpcTemplate nobody = client().prepare((p) -> p.server("nobody").timeout(Duration.ofSeconds(2)));
		long timeoutStart = System.nanoTime();
		assertThatThrownBy(() -> nobody.call(RpcContext.empty(), "echo", Map.of()))
			.isInstanceOf(RpcTimeoutException.class)
			.hasMessageMatching("Timed out waiting for a reply to message ID [0-9a-f]{32}");
		assertThat(Duration.ofNanos(System.nanoTime() - timeoutStart)).isBetween(Duration.ofSeconds(1),
				Duration.ofSeconds(3));
		assertThat(sleeping.join()).isEqualTo("slept 6");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(5900));
	}

	@Test
	void pythonServersDeclaredTheQueuesOfTheMode() throws Exception {
		// the broker refuses (406) a declaration that differs from the existing queue:
		// these succeed only when the Python servers declared what the mode says
		InteropMode mode = cell().mode();
		try (Channel channel = this.support.rawConnection().createChannel()) {
			Map<String, Object> arguments = mode.quorumQueues() ? Map.of("x-queue-type", "quorum") : Map.of();
			assertThat(
					channel.queueDeclare(this.topic, mode.quorumQueues(), false, false, arguments).getConsumerCount())
				.isEqualTo(2);
			if (mode.streamFanout()) {
				// (a stream counts no consumers in its declare-ok)
				channel.queueDeclare(this.topic + "_fanout", true, false, false,
						Map.of("x-queue-type", "stream", "x-max-age", "1800s"));
			}
		}
	}

	private static @Nullable Object kind(Map<String, Object> event) {
		return (event.get("args") instanceof Map<?, ?> args) ? args.get("kind") : null;
	}

}
