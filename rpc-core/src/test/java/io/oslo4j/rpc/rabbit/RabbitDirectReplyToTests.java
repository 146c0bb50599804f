package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ReplyWaiter;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.interop.JavaInteropEndpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.transport.TransportSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.rabbit.RabbitTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code rabbit_direct_reply_to} on the host's broker: a Java client that declares no
 * reply queue calls a Java server (oslo's default mode); concurrent calls, timeouts, late
 * replies and call-monitor heartbeats work as with a reply queue; a lost connection fails
 * the waiting calls at once, and calls work again once the broker is back.
 */
@Timeout(150)
class RabbitDirectReplyToTests {

	private RabbitTestSupport broker;

	private RabbitTransport client;

	private RabbitTransport serverTransport;

	private RpcServer server;

	private String topic;

	@BeforeEach
	void setUp() throws Exception {
		this.broker = new RabbitTestSupport();
		String exchange = unique("directex");
		this.topic = unique("direct");
		this.broker.deleteExchangeLater(exchange);
		this.broker.deleteLater(this.topic, this.topic + ".s1", this.topic + "_fanout");
		TransportSettings settings = TransportSettings.defaults().withControlExchange(exchange);
		this.client = RabbitTestSupport.transport(settings.withOptions(Map.of("rabbit_direct_reply_to", "true")));
		this.serverTransport = RabbitTestSupport.transport(settings);
		this.server = RpcServer.create(this.serverTransport, Target.server(this.topic, "s1"),
				new JavaInteropEndpoint("s1"));
		this.server.start();
	}

	@AfterEach
	void tearDown() throws Exception {
		this.client.close();
		this.server.stop();
		this.serverTransport.close();
		this.broker.close();
	}

	private RpcTemplate template(Duration timeout) {
		return new RpcTemplate(this.client, Target.topic(this.topic)).prepare((p) -> p.timeout(timeout));
	}

	@Test
	void callsAreAnsweredThroughDirectReplyToWithoutAReplyQueue() {
		assertThat(this.client.options().directReplyTo()).isTrue();
		RpcTemplate template = template(Duration.ofSeconds(10));
		assertThat(template.call(RpcContext.empty(), "add", Map.of("a", 2, "b", 3), Long.class)).isEqualTo(5L);
		String address = this.client.replyQueue(ReplyWaiter.of(this.client));
		assertThat(address).startsWith(DirectReplyTo.PSEUDO_QUEUE + ".");
		assertThat(template.call(RpcContext.empty(), "echo_value", Map.of("value", "x"))).isEqualTo("x");
		assertThat(this.client.replyQueue(ReplyWaiter.of(this.client))).as("one address while the channel lives")
			.isEqualTo(address);
	}

	@Test
	void concurrentCallsGetTheirOwnReplies() {
		RpcTemplate template = template(Duration.ofSeconds(20));
		List<CompletableFuture<Long>> calls = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			calls.add(template.callAsync(RpcContext.empty(), "add", Map.of("a", i, "b", 1000), Long.class));
		}
		for (int i = 0; i < calls.size(); i++) {
			assertThat(calls.get(i).join()).isEqualTo(1000L + i);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> ReplyWaiter.of(this.client).pendingCalls() == 0);
	}

	@Test
	void aCallWithoutServerTimesOutAndALateReplyIsCounted() {
		RpcTemplate nobody = new RpcTemplate(this.client, Target.topic(unique("nobody")))
			.prepare((p) -> p.timeout(Duration.ofSeconds(1)));
		assertThatThrownBy(() -> nobody.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 1), Long.class))
			.isInstanceOf(RpcTimeoutException.class);
		ReplyWaiter waiter = ReplyWaiter.of(this.client);
		long late = waiter.lateReplies();
		assertThatThrownBy(
				() -> template(Duration.ofSeconds(1)).call(RpcContext.empty(), "sleep", Map.of("seconds", 2)))
			.isInstanceOf(RpcTimeoutException.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> waiter.lateReplies() == late + 1);
		assertThat(template(Duration.ofSeconds(5)).call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2), Long.class))
			.isEqualTo(3L);
	}

	@Test
	void callMonitorHeartbeatsKeepALongCallAlive() {
		RpcTemplate monitored = new RpcTemplate(this.client, Target.topic(this.topic))
			.prepare((p) -> p.timeout(Duration.ofSeconds(20)).callMonitorTimeout(Duration.ofSeconds(2)));
		assertThat(monitored.call(RpcContext.empty(), "sleep", Map.of("seconds", 4))).isEqualTo("slept 4");
	}

	@Test
	void aLostConnectionFailsTheWaitingCallsAtOnceAndCallsWorkAgainAfterwards() throws Exception {
		RpcTemplate template = template(Duration.ofSeconds(60));
		assertThat(template.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 1), Long.class)).isEqualTo(2L);
		String before = this.client.replyQueue(ReplyWaiter.of(this.client));
		RpcTemplate nobody = new RpcTemplate(this.client, Target.topic(unique("nobody")))
			.prepare((p) -> p.timeout(Duration.ofSeconds(60)));
		CompletableFuture<Long> waiting = nobody.callAsync(RpcContext.empty(), "add", Map.of("a", 1, "b", 1),
				Long.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> ReplyWaiter.of(this.client).pendingCalls() == 1);
		long start = System.nanoTime();
		RabbitRecoveryTests.closeConnectionsOfThisProcess();
		assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RpcDeliveryException.class)
			.cause()
			.hasMessageContaining(before);
		// closing the connections with rabbitmqctl takes a few seconds per connection
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("failed long before the 60 s timeout")
			.isLessThan(Duration.ofSeconds(45));
		AtomicReference<Throwable> last = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			CompletableFuture<Long> call = template(Duration.ofSeconds(3)).callAsync(RpcContext.empty(), "add",
					Map.of("a", 1, "b", 2), Long.class);
			try {
				return Long.valueOf(3L).equals(call.get(10, TimeUnit.SECONDS));
			}
			catch (java.util.concurrent.TimeoutException ex) {
				throw new AssertionError("a call with a 3 s timeout still waits after 10 s; pending calls: "
						+ ReplyWaiter.of(this.client).pendingCalls() + ", last failure: " + last.get(), ex);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				last.set(ex.getCause());
				return false;
			}
		});
		assertThat(this.client.replyQueue(ReplyWaiter.of(this.client))).as("a new channel, a new address")
			.isNotEqualTo(before)
			.startsWith(DirectReplyTo.PSEUDO_QUEUE + ".");
	}

}
