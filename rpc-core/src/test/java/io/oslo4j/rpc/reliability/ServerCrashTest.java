package io.oslo4j.rpc.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server killed mid-request ({@code kill -9} of its JVM, so its connection drops with
 * nothing acknowledged or answered afterwards): with ack-after-dispatch the broker
 * redelivers the request to another server of the topic; with oslo's ack on receipt the
 * request is gone and the caller times out.
 */
@Timeout(120)
class ServerCrashTest {

	private static final String ID = "req-1";

	private long sent;

	@Test
	void withAckAfterDispatchTheRequestIsRedeliveredToAnotherServer() throws Exception {
		String topic = "faults_crash_after_" + System.nanoTime();
		try (Transport transport = Transports.create(TestBroker.url())) {
			RpcTemplate client = new RpcTemplate(transport, Target.topic(topic),
					ClientOptions.defaults().withTimeout(Duration.ofSeconds(30)));
			FaultEndpoint other = new FaultEndpoint("s2");
			long killed = crashWhileHolding(transport, client, topic, "AFTER_DISPATCH", (call) -> {
				RpcServer server = RpcServer.create(transport, Target.server(topic, "s2"), other).start();
				try {
					assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo("s2:" + ID);
				}
				finally {
					server.close();
				}
			});
			System.out.printf("[faults] server crash, ack after dispatch: request redelivered to the other server, "
					+ "answered %.2f s after the kill%n", (System.nanoTime() - killed) / 1e9);
			assertThat(other.held()).containsExactly(ID);
		}
		finally {
			SharedBroker.deleteQueues(topic);
		}
	}

	@Test
	void withAckOnReceiptTheRequestIsLostAndTheCallerTimesOut() throws Exception {
		String topic = "faults_crash_receipt_" + System.nanoTime();
		Duration timeout = Duration.ofSeconds(5);
		try (Transport transport = Transports.create(TestBroker.url())) {
			RpcTemplate client = new RpcTemplate(transport, Target.topic(topic),
					ClientOptions.defaults().withTimeout(timeout));
			FaultEndpoint other = new FaultEndpoint("s2");
			CompletableFuture<Long> failed = new CompletableFuture<>();
			crashWhileHolding(transport, client, topic, "ON_RECEIPT", (call) -> {
				call.whenComplete((result, error) -> failed.complete(System.nanoTime()));
				RpcServer server = RpcServer.create(transport, Target.server(topic, "s2"), other).start();
				try {
					assertThat(call).failsWithin(timeout.plusSeconds(1))
						.withThrowableOfType(ExecutionException.class)
						.withCauseInstanceOf(RpcTimeoutException.class);
					// the other server answers calls, but never saw the lost one
					assertThat(client.call(RpcContext.empty(), "whoami", Map.of(), String.class)).isEqualTo("s2");
				}
				finally {
					server.close();
				}
			});
			System.out.printf(
					"[faults] server crash, ack on receipt: request lost, caller timed out %.2f s after "
							+ "sending (timeout %d s)%n",
					(failed.get(1, TimeUnit.SECONDS) - this.sent) / 1e9, timeout.toSeconds());
			assertThat(other.held()).isEmpty();
		}
		finally {
			SharedBroker.deleteQueues(topic);
		}
	}

	/**
	 * Starts the crashing server in its own JVM, sends it a {@code hold} call, kills the
	 * JVM once the call is held, then runs {@code afterKill} with the pending call.
	 * @return when the JVM was killed ({@link System#nanoTime()})
	 */
	private long crashWhileHolding(Transport transport, RpcTemplate client, String topic, String ackMode,
			AfterKill afterKill) throws Exception {
		Process process = startServer(TestBroker.url(), topic, ackMode);
		try {
			BlockingQueue<String> lines = readLines(process);
			assertThat(lines.poll(60, TimeUnit.SECONDS)).as("the crashing server is ready").isEqualTo("READY");
			this.sent = System.nanoTime();
			CompletableFuture<String> call = client.callAsync(RpcContext.empty(), "hold", Map.of("id", ID),
					String.class);
			assertThat(lines.poll(30, TimeUnit.SECONDS)).as("the crashing server holds the call")
				.isEqualTo("HELD " + ID);
			process.destroyForcibly();
			assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("killed").isTrue();
			long killed = System.nanoTime();
			afterKill.run(call);
			return killed;
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static Process startServer(String url, String topic, String ackMode) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(CrashingServer.class.getName());
		command.addAll(List.of(url, topic, "crashing", ackMode));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

	private static BlockingQueue<String> readLines(Process process) {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		MixedLoad.daemon("crash-server-output", () -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.equals("READY") || line.startsWith("HELD ")) {
						lines.add(line);
					}
				}
			}
			catch (IOException ex) {
				// the process was killed: no more lines
			}
		});
		return lines;
	}

	@FunctionalInterface
	private interface AfterKill {

		void run(CompletableFuture<String> call) throws Exception;

	}

}
