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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service with queue-manager names ({@code use_queue_manager}, quorum reply and fanout
 * queues: {@code rabbit_transient_quorum_queue}, as kolla-ansible sets them) killed with
 * {@code kill -9} and started again on the same host (the shared broker): it takes back
 * the same reply and fanout queue names, runs the fanout casts sent while it was down
 * once each, and drops (and counts) the replies to the calls it made before the crash. A
 * second copy of the service started beside it gets queues of its own: the names are
 * numbered by OS file locks that die with their process.
 */
@Timeout(120)
class QueueManagerCrashTest {

	private static final String HOST = "oslo4j-qm-test";

	private static final String OPTIONS = "?use_queue_manager=true&rabbit_transient_quorum_queue=true" + "&hostname="
			+ HOST;

	private static final Duration READY = Duration.ofSeconds(60);

	private final String topic = "faults_qm_" + System.nanoTime();

	private final List<Process> processes = new ArrayList<>();

	@BeforeEach
	@AfterEach
	void deleteQueues() throws Exception {
		this.processes.forEach(Process::destroyForcibly);
		SharedBroker.deleteQueues("reply_" + HOST + ":");
		SharedBroker.deleteQueues(this.topic);
		// the fanout exchange of quorum fanout queues is durable: it stays when they go
		try (Connection connection = BrokerQueues.rawConnectionFactory(TestBroker.url()).newConnection();
				Channel channel = connection.createChannel()) {
			channel.exchangeDelete(this.topic + "_fanout");
		}
	}

	@Test
	void aRestartedServiceTakesItsQueuesBackAndASecondCopyGetsItsOwn() throws Exception {
		String url = TestBroker.url() + OPTIONS;
		try (Transport transport = Transports.create(url)) {
			FaultEndpoint callee = new FaultEndpoint("callee");
			callee.closeGate();
			RpcServer calleeServer = RpcServer.create(transport, Target.server(this.topic + "_callee", "c1"), callee)
				.start();
			RpcTemplate fanout = new RpcTemplate(transport, Target.topic(this.topic)).prepare((p) -> p.fanout(true));

			Child first = start(url, "s1", 3);
			String replyQueue = first.awaitLine("READY ").substring("READY ".length());
			first.awaitLine("CALLED 3");
			await().atMost(Duration.ofSeconds(30)).until(() -> callee.held().size() == 3);
			List<String> fanoutQueues = SharedBroker.queues(this.topic + "_fanout_");
			first.process.destroyForcibly();
			assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).as("killed").isTrue();
			long killed = System.nanoTime();

			// while it is down: fanout casts wait in its fanout queue, replies in its
			// reply
			// queue
			for (int i = 0; i < 5; i++) {
				fanout.cast(RpcContext.empty(), "record", Map.of("id", "down-" + i));
			}
			callee.openGate();
			await().atMost(Duration.ofSeconds(10)).until(() -> callee.finished() == 3);

			Child again = start(url, "s1", 0);
			String replyAgain = again.awaitLine("READY ").substring("READY ".length());
			long resumed = System.nanoTime();
			again.awaitLine("LATE 3");
			fanout.cast(RpcContext.empty(), "record", Map.of("id", "marker"));
			again.awaitLine("CAST marker");
			List<String> castsAgain = again.casts();

			Child second = start(url, "s2", 0);
			String replySecond = second.awaitLine("READY ").substring("READY ".length());
			fanout.cast(RpcContext.empty(), "record", Map.of("id", "both"));
			again.awaitLine("CAST both");
			second.awaitLine("CAST both");
			List<String> fanoutAfter = SharedBroker.queues(this.topic + "_fanout_");

			System.out.printf(
					"[faults] queue-manager names across kill -9: reply queue %s, fanout queues %s; "
							+ "restarted and consuming %.2f s after the kill%n",
					replyQueue, fanoutQueues, (resumed - killed) / 1e9);
			System.out.printf(
					"[faults]   casts run by the restarted service: %s; late replies dropped: 3; "
							+ "second copy: reply queue %s, fanout queues now %s%n",
					castsAgain, replySecond, fanoutAfter);

			assertThat(fanoutQueues).as("the service's fanout queue").hasSize(1);
			assertThat(replyAgain).as("the reply queue taken back").isEqualTo(replyQueue);
			assertThat(replyQueue).startsWith("reply_" + HOST + ":QueueManagerServer:");
			assertThat(castsAgain).as("fanout casts sent while down, each run once, then the marker")
				.containsExactlyInAnyOrder("down-0", "down-1", "down-2", "down-3", "down-4", "marker");
			assertThat(again.lateCount()).as("late replies counted").isEqualTo(3);
			assertThat(replySecond).as("the second copy's reply queue").isNotEqualTo(replyQueue);
			assertThat(fanoutAfter).as("fanout queues: the restarted one and the second copy's")
				.hasSize(2)
				.containsAll(fanoutQueues);
			assertThat(second.casts()).as("the second copy runs only what was sent after it started")
				.containsExactly("both");
			calleeServer.close();
		}
	}

	private Child start(String url, String server, int calls) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(QueueManagerServer.class.getName());
		command.addAll(List.of(url, this.topic, server, this.topic + "_callee", String.valueOf(calls)));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		this.processes.add(process);
		return new Child(process);
	}

	/** A child JVM and the lines it printed. */
	private static final class Child {

		final Process process;

		private final Queue<String> lines = new ConcurrentLinkedQueue<>();

		Child(Process process) {
			this.process = process;
			MixedLoad.daemon("qm-child-output", () -> {
				try (BufferedReader reader = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = reader.readLine()) != null) {
						this.lines.add(line);
					}
				}
				catch (IOException ex) {
					// killed: no more lines
				}
			});
		}

		String awaitLine(String prefix) {
			await().atMost(READY)
				.until(() -> this.lines.stream().anyMatch((line) -> line.startsWith(prefix))
						|| !this.process.isAlive());
			return this.lines.stream()
				.filter((line) -> line.startsWith(prefix))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the child ended before printing " + prefix + ": " + this.lines));
		}

		List<String> casts() {
			return this.lines.stream()
				.filter((line) -> line.startsWith("CAST "))
				.map((line) -> line.substring(5))
				.toList();
		}

		long lateCount() {
			return this.lines.stream()
				.filter((line) -> line.startsWith("LATE "))
				.mapToLong((line) -> Long.parseLong(line.substring(5)))
				.max()
				.orElse(0);
		}

	}

}
