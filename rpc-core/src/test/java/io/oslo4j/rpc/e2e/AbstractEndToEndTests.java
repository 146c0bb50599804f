package io.oslo4j.rpc.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.oslo4j.rpc.InvalidTargetException;
import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.RpcVersionCapException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RemoteExceptionMapper;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The whole RPC model end to end: client, wire format, transport, server, dispatcher, and
 * back. Run on {@code fake://} and on RabbitMQ by the subclasses.
 */
@Timeout(60)
abstract class AbstractEndToEndTests {

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private final java.util.Set<String> queues = new java.util.LinkedHashSet<>();

	protected Transport transport;

	protected String topic;

	/**
	 * Returns the transport URL to test.
	 * @return the URL
	 */
	protected abstract String url();

	/**
	 * Returns how the servers run: the defaults unless a subclass says otherwise.
	 * @return the server options
	 */
	protected RpcServerOptions serverOptions() {
		return RpcServerOptions.defaults();
	}

	/**
	 * Removes the queues the test left on the broker.
	 * @param queues the queue names
	 */
	protected void deleteQueues(java.util.Collection<String> queues) {
	}

	@BeforeEach
	void setUp() {
		this.transport = track(Transports.create(url()));
		this.topic = "calc_" + MessageIds.next().substring(0, 12);
	}

	@AfterEach
	void tearDown() throws Exception {
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
		deleteQueues(this.queues);
	}

	private Target serverTarget(String topic, String name) {
		this.queues.add(topic);
		this.queues.add(topic + "." + name);
		return Target.server(topic, name);
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

	private CalculatorEndpoint server(String name) {
		CalculatorEndpoint endpoint = new CalculatorEndpoint(name);
		track(newServer(serverTarget(this.topic, name), endpoint)).start();
		return endpoint;
	}

	private RpcServer newServer(Target target, CalculatorEndpoint endpoint) {
		return new RpcServer(this.transport, target, List.of(Endpoint.of(endpoint)), serverOptions());
	}

	protected RpcTemplate client() {
		return new RpcTemplate(this.transport, Target.topic(this.topic).withVersion("1.1"));
	}

	@Test
	void callReturnsTheResultConvertedToTheRequestedType() {
		server("s1");
		Integer sum = client().call(RpcContext.empty(), "add", Map.of("a", 2, "b", 3), Integer.class);
		assertThat(sum).isEqualTo(5);
		CalculatorEndpoint.Point moved = client().call(RpcContext.empty(), "move",
				Map.of("point", new CalculatorEndpoint.Point(1, 2), "dx", 10), CalculatorEndpoint.Point.class);
		assertThat(moved).isEqualTo(new CalculatorEndpoint.Point(11, 2));
	}

	@Test
	void twoServersOnATopicShareTheCalls() {
		CalculatorEndpoint one = server("s1");
		CalculatorEndpoint two = server("s2");
		for (int i = 0; i < 20; i++) {
			client().call(RpcContext.empty(), "add", Map.of("a", i, "b", 1));
		}
		assertThat(one.calls.get() + two.calls.get()).isEqualTo(20);
		assertThat(one.calls.get()).isGreaterThan(0);
		assertThat(two.calls.get()).isGreaterThan(0);
	}

	@Test
	void aServerTargetReachesOnlyThatServer() {
		server("s1");
		CalculatorEndpoint two = server("s2");
		RpcTemplate toTwo = client().prepare((p) -> p.server("s2"));
		for (int i = 0; i < 5; i++) {
			@SuppressWarnings("unchecked")
			Map<String, Object> who = (Map<String, Object>) toTwo.call(RpcContext.empty(), "whoami", Map.of());
			assertThat(who).containsEntry("server", "s2");
		}
		assertThat(two.calls.get()).isEqualTo(5);
	}

	@Test
	void fanoutCastReachesEveryServer() {
		CalculatorEndpoint one = server("s1");
		CalculatorEndpoint two = server("s2");
		CalculatorEndpoint three = server("s3");
		client().prepare((p) -> p.fanout(true)).cast(RpcContext.empty(), "record", Map.of("event", "hello"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(List.of(one.events, two.events, three.events))
				.allSatisfy((events) -> assertThat(events).containsExactly("hello")));
	}

	@Test
	void castIsProcessedOnce() {
		CalculatorEndpoint one = server("s1");
		CalculatorEndpoint two = server("s2");
		client().cast(RpcContext.empty(), "record", Map.of("event", Map.of("k", 1)));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(one.events.size() + two.events.size()).isEqualTo(1));
	}

	@Test
	void contextTravelsToTheEndpointWithClientTimeout() {
		server("s1");
		RpcContext ctx = RpcContext.of(Map.of("user_id", "u1", "request_id", "req-1"));
		@SuppressWarnings("unchecked")
		Map<String, Object> who = (Map<String, Object>) client().call(ctx, "whoami", Map.of());
		@SuppressWarnings("unchecked")
		Map<String, Object> context = (Map<String, Object>) who.get("context");
		assertThat(context).containsEntry("user_id", "u1").containsEntry("request_id", "req-1");
		assertThat(context).containsKey("client_timeout");
		assertThat(context.get("client_timeout")).isNull();
	}

	@Test
	void callToATopicNobodyServesTimesOutWithinTimeoutPlusOneSecond() {
		RpcTemplate client = client().prepare((p) -> p.topic(this.topic + "_nobody").timeout(Duration.ofSeconds(1)));
		long start = System.nanoTime();
		assertThatThrownBy(() -> client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2)))
			.isInstanceOf(RpcTimeoutException.class)
			.hasMessageStartingWith("Timed out waiting for a reply to message ID ");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
				Duration.ofSeconds(2));
	}

	@Test
	void serverExceptionArrivesAsRemoteRpcExceptionWithTheOriginalMessage() {
		server("s1");
		assertThatThrownBy(() -> client().call(RpcContext.empty(), "fail", Map.of("message", "boom")))
			.isInstanceOfSatisfying(RemoteRpcException.class, (ex) -> {
				assertThat(ex.remoteClass()).isEqualTo("IllegalArgumentException");
				assertThat(ex.remoteModule()).isEqualTo("java.lang");
				assertThat(ex.remoteMessage()).isEqualTo("boom");
				assertThat(ex.remoteTraceback()).isNotEmpty();
			});
	}

	@Test
	void allowListedFailuresBecomeTypedExceptions() {
		server("s1");
		RpcTemplate client = new RpcTemplate(this.transport, Target.topic(this.topic),
				io.oslo4j.rpc.client.ClientOptions.defaults()
					.withExceptions(RemoteExceptionMapper.none().allow(IllegalArgumentException.class)));
		assertThatThrownBy(() -> client.call(RpcContext.empty(), "fail", Map.of("message", "typed")))
			.isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessage("typed");
	}

	@Test
	void unknownMethodAndWrongVersionGetOslosTexts() {
		server("s1");
		assertThatThrownBy(() -> client().call(RpcContext.empty(), "nope", Map.of()))
			.isInstanceOfSatisfying(RemoteRpcException.class, (ex) -> {
				assertThat(ex.remoteClass()).isEqualTo("NoSuchMethod");
				assertThat(ex.remoteModule()).isEqualTo("oslo_messaging.rpc.dispatcher");
				assertThat(ex.remoteMessage()).isEqualTo("Endpoint does not support RPC method nope");
			});
		assertThatThrownBy(() -> client().prepare((p) -> p.version("2.0")).call(RpcContext.empty(), "add", Map.of()))
			.isInstanceOfSatisfying(RemoteRpcException.class, (ex) -> {
				assertThat(ex.remoteClass()).isEqualTo("UnsupportedVersion");
				assertThat(ex.remoteMessage())
					.isEqualTo("Endpoint does not support RPC version 2.0. Attempted method: add");
			});
	}

	@Test
	void badArgumentsFailNamingTheArgumentAndTheServerKeepsServing() {
		server("s1");
		assertThatThrownBy(() -> client().call(RpcContext.empty(), "add", Map.of("a", 1)))
			.isInstanceOfSatisfying(RemoteRpcException.class, (ex) -> {
				assertThat(ex.remoteClass()).isEqualTo("TypeError");
				assertThat(ex.remoteMessage()).contains("'b'");
			});
		assertThatThrownBy(() -> client().call(RpcContext.empty(), "add", Map.of("a", "x", "b", 2)))
			.isInstanceOfSatisfying(RemoteRpcException.class, (ex) -> {
				assertThat(ex.remoteClass()).isEqualTo("TypeError");
				assertThat(ex.remoteMessage()).contains("'a'");
			});
		assertThat(client().call(RpcContext.empty(), "add", Map.of("a", 1, "b", 1), Integer.class)).isEqualTo(2);
	}

	@Test
	void targetMistakesAreRefusedBeforeSending() {
		RpcTemplate noTopic = new RpcTemplate(this.transport, Target.empty());
		assertThatThrownBy(() -> noTopic.cast(RpcContext.empty(), "x", Map.of()))
			.isInstanceOf(InvalidTargetException.class)
			.hasMessage("A topic is required to send:<Target >");
		assertThatThrownBy(() -> client().prepare((p) -> p.fanout(true)).call(RpcContext.empty(), "x", Map.of()))
			.isInstanceOf(InvalidTargetException.class)
			.hasMessage(
					"A call cannot be used with fanout:<Target topic=" + this.topic + ", version=1.1, fanout=True>");
		assertThatThrownBy(() -> client().prepare((p) -> p.versionCap("1.0")).call(RpcContext.empty(), "x", Map.of()))
			.isInstanceOf(RpcVersionCapException.class)
			.hasMessageContaining("Requested message version, 1.1 is incompatible.  It needs to be equal");
	}

	@Test
	void asyncCallsComplete() {
		server("s1");
		List<CompletableFuture<Integer>> futures = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			futures.add(client().callAsync(RpcContext.empty(), "add", Map.of("a", i, "b", i), Integer.class));
		}
		for (int i = 0; i < 100; i++) {
			assertThat(futures.get(i).join()).isEqualTo(2 * i);
		}
	}

	@Test
	void heartbeatsKeepALongCallAliveUnderACallMonitor() {
		server("s1");
		RpcTemplate client = client()
			.prepare((p) -> p.timeout(Duration.ofSeconds(20)).callMonitorTimeout(Duration.ofSeconds(2)));
		assertThat(client.call(RpcContext.empty(), "sleep", Map.of("seconds", 3.5), String.class))
			.isEqualTo("slept 3.5");
	}

	@Test
	void gracefulStopLetsInFlightCallsFinish() throws Exception {
		CalculatorEndpoint endpoint = new CalculatorEndpoint("s1");
		endpoint.gate = new CountDownLatch(1);
		RpcServer server = newServer(serverTarget(this.topic, "s1"), endpoint).start();
		CompletableFuture<Object> inFlight = client().callAsync(RpcContext.empty(), "waitForGate", Map.of(),
				Object.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> server.inFlight() == 1);
		server.stop();
		endpoint.gate.countDown();
		assertThat(server.await(Duration.ofSeconds(5))).isTrue();
		assertThat(inFlight.join()).isEqualTo("released");
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void aCallMonitorFailsTheCallEarlyWhenNoHeartbeatArrives() {
		// a server that takes requests and never answers nor heartbeats
		track(this.transport.listen(serverTarget(this.topic + "_silent", "s1"), (message) -> message.ack()));
		RpcTemplate client = new RpcTemplate(this.transport, Target.topic(this.topic + "_silent"))
			.prepare((p) -> p.timeout(Duration.ofSeconds(30)).callMonitorTimeout(Duration.ofSeconds(1)));
		long start = System.nanoTime();
		assertThatThrownBy(() -> client.call(RpcContext.empty(), "x", Map.of()))
			.isInstanceOf(RpcTimeoutException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void closingTheTransportFailsPendingCallsPromptly() {
		track(this.transport.listen(serverTarget(this.topic + "_silent", "s1"), (message) -> message.ack()));
		CompletableFuture<Object> pending = new RpcTemplate(this.transport, Target.topic(this.topic + "_silent"))
			.callAsync(RpcContext.empty(), "x", Map.of(), Object.class);
		long start = System.nanoTime();
		this.transport.close();
		assertThatThrownBy(pending::join).hasMessageContaining("closed");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

}
