package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.AckMode;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping a server while calls are in flight: the calls finish and their replies are
 * sent within the shutdown timeout, the fanout queue is deleted, and the stopping server
 * takes no new message: the next call goes to another server of the topic, or times out
 * when it was for this server only. In both ack modes no request runs twice; with ack
 * after dispatch the requests still waiting for a worker go to another server at once.
 */
@Timeout(120)
class GracefulShutdownTest {

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	private static final int IN_FLIGHT = 4;

	@ParameterizedTest
	@EnumSource(AckMode.class)
	void inFlightCallsFinishAndNothingNewIsTaken(AckMode ackMode) throws Exception {
		String topic = "faults_shutdown_" + System.nanoTime();
		try (Transport serverTransport = Transports.create(TestBroker.url());
				Transport clientTransport = Transports.create(TestBroker.url())) {
			RpcTemplate client = new RpcTemplate(clientTransport, Target.topic(topic),
					ClientOptions.defaults().withTimeout(Duration.ofSeconds(30)));
			FaultEndpoint stopping = new FaultEndpoint("s1");
			stopping.closeGate();
			RpcServer server = new RpcServer(serverTransport, Target.server(topic, "s1"),
					List.of(Endpoint.of(stopping)),
					RpcServerOptions.defaults()
						.withAckMode(ackMode)
						.withShutdownTimeout(SHUTDOWN_TIMEOUT)
						.withExecutorThreads(IN_FLIGHT))
				.start();
			await().atMost(Duration.ofSeconds(10)).until(server::isRunning);
			String fanoutQueue = SharedBroker.queues(topic + "_fanout_").get(0);

			List<CompletableFuture<String>> inFlight = new ArrayList<>();
			for (int i = 0; i < IN_FLIGHT; i++) {
				inFlight.add(client.callAsync(RpcContext.empty(), "hold", Map.of("id", "held-" + i), String.class));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> stopping.held().size() == IN_FLIGHT);
			// two more wait for a worker
			List<CompletableFuture<String>> waiting = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				waiting.add(client.callAsync(RpcContext.empty(), "hold", Map.of("id", "waiting-" + i), String.class));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> server.inFlight() == IN_FLIGHT + 2);

			long closing = System.nanoTime();
			CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
			await().atMost(Duration.ofSeconds(10)).until(() -> !server.isRunning());

			// a new server of the topic takes the next calls; a call for s1 only times
			// out
			FaultEndpoint other = new FaultEndpoint("s2");
			RpcServer next = RpcServer.create(serverTransport, Target.server(topic, "s2"), other).start();
			await().atMost(Duration.ofSeconds(10)).until(next::isRunning);
			for (int i = 0; i < 5; i++) {
				assertThat(client.call(RpcContext.empty(), "whoami", Map.of(), String.class)).isEqualTo("s2");
			}
			RpcTemplate toStopped = client.prepare((p) -> p.server("s1").timeout(Duration.ofSeconds(2)));
			assertThat(toStopped.callAsync(RpcContext.empty(), "whoami", Map.of(), String.class))
				.failsWithin(Duration.ofSeconds(3))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(RpcTimeoutException.class);

			// with ack after dispatch the waiting requests went back to the queue, to s2;
			// acknowledged on receipt, they stay with s1 and run once s1 is free
			String waitingServer = (ackMode == AckMode.AFTER_DISPATCH) ? "s2" : "s1";
			if (ackMode == AckMode.AFTER_DISPATCH) {
				assertWaitingAnsweredBy(waiting, waitingServer);
			}
			stopping.openGate();
			assertWaitingAnsweredBy(waiting, waitingServer);
			for (int i = 0; i < IN_FLIGHT; i++) {
				assertThat(inFlight.get(i).get(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
					.isEqualTo("s1:held-" + i);
			}
			closed.get(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			double closeSeconds = (System.nanoTime() - closing) / 1e9;
			List<String> fanoutLeft = SharedBroker.queues(fanoutQueue);
			System.out.printf("[faults] graceful shutdown (%s): %d running calls answered by s1, 2 waiting calls "
					+ "answered by %s, close() took %.2f s (shutdown timeout %d s), fanout queue left %s, requests "
					+ "run by the other server %s%n", ackMode, IN_FLIGHT, waitingServer, closeSeconds,
					SHUTDOWN_TIMEOUT.toSeconds(), fanoutLeft, other.held());
			assertThat(fanoutLeft).as("the stopped server's fanout queue").isEmpty();
			assertThat(other.held()).as("requests run by the other server")
				.allMatch((id) -> id.startsWith("waiting-") && waitingServer.equals("s2"));
			assertThat(stopping.finished()).isEqualTo(IN_FLIGHT + (waitingServer.equals("s1") ? 2 : 0));
			next.close();
		}
		finally {
			SharedBroker.deleteQueues(topic);
		}
	}

	private static void assertWaitingAnsweredBy(List<CompletableFuture<String>> waiting, String server)
			throws Exception {
		for (int i = 0; i < waiting.size(); i++) {
			assertThat(waiting.get(i).get(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
				.isEqualTo(server + ":waiting-" + i);
		}
	}

}
