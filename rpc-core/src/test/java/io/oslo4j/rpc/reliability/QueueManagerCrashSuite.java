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

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service with queue-manager names ({@code use_queue_manager}, quorum reply queues:
 * {@code rabbit_transient_quorum_queue}, as kolla-ansible sets them) killed with
 * {@code kill -9} and started again on the same host: it takes back the same reply queue
 * name and drops (and counts) the replies to the calls it made before the crash. A second
 * copy of the service started beside it gets a reply queue of its own: the names are
 * numbered by OS file locks that die with their process. The service runs in a JVM of its
 * own ({@link QueueManagerServer}); three of its calls wait at a callee in this JVM when
 * it is killed, and five fanout casts are sent while it is down. What the restarted
 * service does with those casts depends on its fanout queue: each subclass names the
 * broker, the mode and what it expects.
 */
@Timeout(180)
abstract class QueueManagerCrashSuite {

	private static final Duration READY = Duration.ofSeconds(60);

	static final List<String> SENT_WHILE_DOWN = List.of("down-0", "down-1", "down-2", "down-3", "down-4");

	final String topic = "faults_qm_" + System.nanoTime();

	private final List<Process> processes = new ArrayList<>();

	/**
	 * Returns the host part of the queue-manager names, unique per subclass: the numbers
	 * are file locks per host and program name, shared by every JVM of the machine.
	 * @return oslo's {@code hostname}
	 */
	abstract String hostname();

	/**
	 * Returns the broker's transport URL, starting the broker if the subclass has one of
	 * its own, or cleaning what an earlier run left on a shared one.
	 * @return the transport URL, without options
	 * @throws Exception when the broker cannot be reached
	 */
	abstract String startBroker() throws Exception;

	/**
	 * Stops the subclass's broker, or deletes what the test left on a shared one.
	 * @throws Exception when the broker cannot be reached
	 */
	abstract void stopBroker() throws Exception;

	/**
	 * Returns the transport URL options of the mode under test, with
	 * {@code use_queue_manager=true} and {@code rabbit_transient_quorum_queue=true}.
	 * @return the query, without {@code ?} and without {@code hostname}
	 */
	abstract String options();

	/**
	 * Returns the queues of the broker whose names start with a prefix.
	 * @param prefix the prefix
	 * @return the queue names
	 */
	abstract List<String> queues(String prefix);

	/**
	 * Called once the fanout casts of {@link #SENT_WHILE_DOWN} were sent and before the
	 * service starts again.
	 * @param url the transport URL with options
	 * @throws Exception when the broker cannot be reached
	 */
	void whileDown(String url) throws Exception {
	}

	/**
	 * Asserts what the service's fanout queues were and became.
	 * @param before the queues starting with {@code <topic>_fanout} while the first
	 * process ran
	 * @param withSecondCopy the same after the second copy started
	 */
	abstract void assertFanoutQueues(List<String> before, List<String> withSecondCopy);

	/**
	 * Asserts which fanout casts the restarted service ran before and with the marker
	 * cast sent once it was back, and prints what is worth documenting.
	 * @param casts the ids of the casts it ran, in order, up to the marker
	 */
	abstract void assertCastsAfterRestart(List<String> casts);

	@AfterEach
	void stopProcessesAndBroker() throws Exception {
		this.processes.forEach(Process::destroyForcibly);
		stopBroker();
	}

	@Test
	void aRestartedServiceTakesItsQueuesBackAndASecondCopyGetsItsOwn() throws Exception {
		String url = startBroker() + "?" + options() + "&hostname=" + hostname();
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
			List<String> fanoutQueues = queues(this.topic + "_fanout");
			first.process.destroyForcibly();
			assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).as("killed").isTrue();
			long killed = System.nanoTime();

			// while it is down: fanout casts are sent, the replies come back
			for (String id : SENT_WHILE_DOWN) {
				fanout.cast(RpcContext.empty(), "record", Map.of("id", id));
			}
			callee.openGate();
			await().atMost(Duration.ofSeconds(10)).until(() -> callee.finished() == 3);
			whileDown(url);

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
			List<String> fanoutAfter = queues(this.topic + "_fanout");

			System.out.printf(
					"[faults] queue-manager names across kill -9 (%s): reply queue %s, fanout queues %s; "
							+ "restarted and consuming %.2f s after the kill%n",
					options(), replyQueue, fanoutQueues, (resumed - killed) / 1e9);
			System.out.printf(
					"[faults]   casts run by the restarted service: %s; late replies dropped: %d; "
							+ "second copy: reply queue %s, fanout queues now %s, casts run %s%n",
					castsAgain, again.lateCount(), replySecond, fanoutAfter, second.casts());

			assertThat(replyAgain).as("the reply queue taken back").isEqualTo(replyQueue);
			assertThat(replyQueue).startsWith("reply_" + hostname() + ":QueueManagerServer:");
			assertThat(again.lateCount()).as("late replies counted").isEqualTo(3);
			assertThat(replySecond).as("the second copy's reply queue")
				.startsWith("reply_" + hostname() + ":QueueManagerServer:")
				.isNotEqualTo(replyQueue);
			assertFanoutQueues(fanoutQueues, fanoutAfter);
			assertCastsAfterRestart(castsAgain);
			assertThat(again.casts()).as("the restarted service runs the cast sent with both copies once")
				.containsOnlyOnce("both");
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
