package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.notify.NotificationEndpoint;
import io.oslo4j.rpc.notify.NotificationListener;
import io.oslo4j.rpc.notify.NotificationListenerOptions;
import io.oslo4j.rpc.notify.NotificationResult;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.notify.NotifierDriver;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.server.AckMode;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.RabbitNode;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RabbitMQ 4's delivery limit on quorum queues, in kolla-ansible 2025.1's mode on the
 * Debian 13 root's RabbitMQ 4.0.5: a message requeued again and again (a listener that
 * answers {@code REQUEUE}, a server that crashes on a request with {@code after-dispatch}
 * acknowledgements) is delivered at most the limit plus one times, then dropped by the
 * broker; its last delivery is logged once and counted.
 */
@Timeout(180)
class QuorumDeliveryLimitTest {

	// port 5811 (distribution 25811, epmd 45811): the RabbitMQ 4 fault tests' range
	private static final int PORT = 5811;

	private static final String DELIVERY_LIMIT_LOGGER = "io.oslo4j.rpc.rabbit.DeliveryLimit";

	private static @Nullable RabbitNode node;

	@BeforeAll
	static void startNode() {
		node = RabbitNode.builder("oslo4j-faults-limit4", PORT).debian13().start();
	}

	@AfterAll
	static void stopNode() {
		if (node != null) {
			node.close();
		}
	}

	@Test
	void aNotificationRequeuedForeverIsDroppedAtRabbitMq4sDefaultLimitAndCountedOnce() {
		String topic = "limit_requeue";
		AtomicInteger poison = new AtomicInteger();
		AtomicInteger handled = new AtomicInteger();
		NotificationEndpoint requeueing = new NotificationEndpoint() {
			@Override
			public NotificationResult info(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
					@Nullable Object payload, Map<String, @Nullable Object> metadata) {
				if ("poison".equals(payload)) {
					poison.incrementAndGet();
					return NotificationResult.REQUEUE;
				}
				handled.incrementAndGet();
				return NotificationResult.HANDLED;
			}
		};
		try (LogCapture logs = LogCapture.begin();
				Transport transport = Transports.create(url(Debian13BrokerRestartTest.KOLLA_MODE))) {
			NotificationListener listener = NotificationListener.create(transport, List.of(Target.topic(topic)),
					List.of(requeueing), NotificationListenerOptions.defaults().withAllowRequeue(true));
			listener.start();
			Notifier notifier = new Notifier(transport, "p", NotifierDriver.MESSAGING_V2, List.of(topic));
			notifier.info(RpcContext.empty(), "e", "poison");
			await().atMost(Duration.ofSeconds(30)).until(() -> poison.get() >= 21);
			notifier.info(RpcContext.empty(), "e", "after");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> handled.get() == 1 && "0".equals(messages(topic + ".info")));
			long reached = ((RabbitTransport) transport).deliveryLimitReached();
			System.out.printf(
					"[faults] delivery limit (RabbitMQ 4.0.5 default): a notification requeued forever was "
							+ "delivered %d times, then dropped; last deliveries counted %d, warnings %d%n",
					poison.get(), reached, logs.countFrom(DELIVERY_LIMIT_LOGGER));
			assertThat(poison.get()).as("deliveries: the first and 20 returns").isEqualTo(21);
			assertThat(reached).isOne();
			assertThat(logs.countFrom(DELIVERY_LIMIT_LOGGER)).as("delivery limit warnings").isOne();
			listener.close();
		}
	}

	@Test
	void aRequestThatCrashesItsServersIsDroppedAtTheConfiguredLimitAndItsCallerTimesOut() throws Exception {
		String topic = "limit_crash";
		String mode = "?" + Debian13BrokerRestartTest.KOLLA_MODE + "&rabbit_quorum_delivery_limit=2";
		RpcServerOptions afterDispatch = RpcServerOptions.defaults().withAckMode(AckMode.AFTER_DISPATCH);
		FaultEndpoint endpoint = new FaultEndpoint("s");
		endpoint.closeGate();
		try (Transport client = Transports.create(url(mode))) {
			// declares the topic queue with the limit
			RpcServer.create(client, Target.server(topic, "first"), endpoint).start().close();
			CompletableFuture<String> call = new RpcTemplate(client, Target.topic(topic),
					ClientOptions.defaults().withTimeout(Duration.ofSeconds(20)))
				.callAsync(RpcContext.empty(), "hold", Map.of("id", "crash"), String.class);
			long reached = 0;
			for (int round = 1; round <= 4; round++) {
				Transport server = Transports.create(url(mode));
				new RpcServer(server, Target.server(topic, "s" + round), List.of(Endpoint.of(endpoint)), afterDispatch)
					.start();
				int expected = round;
				if (round <= 3) {
					await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.held().size() == expected);
				}
				else {
					await().during(Duration.ofSeconds(2))
						.atMost(Duration.ofSeconds(5))
						.until(() -> endpoint.held().size() == 3);
				}
				reached += ((RabbitTransport) server).deliveryLimitReached();
				// the server "crashes": its connection drops with the request
				// unacknowledged
				server.close();
			}
			System.out.printf(
					"[faults] delivery limit 2 (rabbit_quorum_delivery_limit): a request whose servers "
							+ "crash was delivered %d times, then dropped; last deliveries counted %d%n",
					endpoint.held().size(), reached);
			assertThat(endpoint.held()).hasSize(3);
			assertThat(reached).isOne();
			assertThat(call).failsWithin(Duration.ofSeconds(25))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(RpcTimeoutException.class);
		}
		finally {
			endpoint.openGate();
		}
	}

	private static String url(String mode) {
		return "rabbit://guest:guest@127.0.0.1:" + PORT + "/" + (mode.startsWith("?") ? mode : "?" + mode);
	}

	private static String messages(String queue) {
		for (String line : node().ctl("list_queues", "--silent", "name", "messages").split("\n")) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length == 2 && fields[0].equals(queue)) {
				return fields[1];
			}
		}
		return "no queue " + queue;
	}

	private static RabbitNode node() {
		RabbitNode running = node;
		if (running == null) {
			throw new IllegalStateException("the node did not start");
		}
		return running;
	}

}
