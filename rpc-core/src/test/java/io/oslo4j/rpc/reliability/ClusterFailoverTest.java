package io.oslo4j.rpc.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.RabbitNode;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster failover: a 3-node cluster of extra nodes, a transport URL that lists all
 * three, and the node that clients and servers are connected to stopped under load.
 * Everything moves to another node and traffic resumes within 5 s. Calls waiting on a
 * topic queue when the node stops survive with quorum queues
 * ({@code rabbit_quorum_queue}); on oslo's default classic queues, which live on that
 * node, they are lost and their callers time out.
 */
@Timeout(300)
class ClusterFailoverTest {

	private static final int WAITING = 10;

	private static final String QUORUM = "?rabbit_quorum_queue=true";

	@Test
	void clientsAndServersMoveToAnotherNodeAndQuorumQueuesKeepQueuedCalls() throws Exception {
		try (RabbitCluster cluster = RabbitCluster.start("oslo4j-faults-cluster", 5711, 3);
				Transport quorumServers = transport(cluster.url() + QUORUM + "&rabbit_qos_prefetch_count=1", "quorum");
				Transport quorumClients = transport(cluster.url() + QUORUM, "quorum");
				Transport classicServers = transport(cluster.url() + "?rabbit_qos_prefetch_count=1", "classic");
				Transport classicClients = transport(cluster.url(), "classic")) {
			FaultEndpoint loadEndpoint = new FaultEndpoint("load");
			FaultEndpoint quorumHolder = new FaultEndpoint("quorum");
			FaultEndpoint classicHolder = new FaultEndpoint("classic");
			List<RpcServer> servers = List.of(
					RpcServer.create(quorumServers, Target.server("faults_cluster_load", "s1"), loadEndpoint).start(),
					holdingServer(quorumServers, "faults_cluster_quorum", quorumHolder),
					holdingServer(classicServers, "faults_cluster_classic", classicHolder));
			RpcTemplate load = new RpcTemplate(quorumClients, Target.topic("faults_cluster_load"),
					ClientOptions.defaults().withTimeout(Duration.ofSeconds(5)));
			RpcTemplate quorum = new RpcTemplate(quorumClients, Target.topic("faults_cluster_quorum"),
					ClientOptions.defaults().withTimeout(Duration.ofSeconds(40)));
			RpcTemplate classic = new RpcTemplate(classicClients, Target.topic("faults_cluster_classic"),
					ClientOptions.defaults().withTimeout(Duration.ofSeconds(20)));
			await().atMost(Duration.ofSeconds(30)).until(() -> servers.stream().allMatch(RpcServer::isRunning));
			MixedLoad traffic = new MixedLoad(load, load, "cluster", 100).start(2, 1);

			// calls that wait on the topic queues behind a held one
			quorumHolder.closeGate();
			classicHolder.closeGate();
			List<CompletableFuture<String>> quorumCalls = holdCalls(quorum);
			List<CompletableFuture<String>> classicCalls = holdCalls(classic);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> !quorumHolder.held().isEmpty() && !classicHolder.held().isEmpty());
			RabbitNode first = cluster.nodes().get(0);
			Map<Integer, Integer> before = RabbitCluster.connectionsByPort(first);
			String ready = first.ctl("list_queues", "--silent", "name", "type", "messages_ready");
			RabbitNode connected = cluster.nodes()
				.stream()
				.filter((node) -> before.getOrDefault(node.port(),
						0) == before.values().stream().mapToInt(Integer::intValue).max().orElse(0))
				.findFirst()
				.orElseThrow();
			RabbitNode survivor = cluster.nodes()
				.stream()
				.filter((node) -> node != connected)
				.findFirst()
				.orElseThrow();

			long stopping = System.nanoTime();
			connected.stop();
			long stopped = System.nanoTime();
			awaitOrDump(() -> traffic.firstSuccessAfter(stopped) > 0, traffic, survivor);
			quorumHolder.openGate();
			classicHolder.openGate();
			List<String> quorumResults = results(quorumCalls, Duration.ofSeconds(45));
			List<String> classicResults = results(classicCalls, Duration.ofSeconds(25));
			traffic.stop();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> traffic.castsConfirmed.stream().allMatch(loadEndpoint.casts()::containsKey));
			Map<Integer, Integer> after = RabbitCluster.connectionsByPort(survivor);
			String consumers = survivor.ctl("list_queues", "--silent", "name", "type", "consumers");

			long gap = traffic.longestGapAfter(stopping);
			long quorumOk = quorumResults.stream().filter((result) -> result.startsWith("quorum:")).count();
			long classicOk = classicResults.stream().filter((result) -> result.startsWith("classic:")).count();
			long processedTwice = loadEndpoint.casts().values().stream().filter((count) -> count.get() > 1).count();
			System.out.printf("[faults] cluster failover: stopped node %s (took %.1f s), connections by port before %s "
					+ "after %s%n", connected.nodeName(), (stopped - stopping) / 1e9, before, after);
			System.out.printf("[faults]   %s%n", traffic.callFigures());
			System.out.printf(
					"[faults]   casts sent %d (publish failed %d) / processed %d / duplicates dropped %d / "
							+ "processed twice %d%n",
					traffic.castsConfirmed.size(), traffic.castsFailed.size(),
					traffic.castsConfirmed.stream().filter(loadEndpoint.casts()::containsKey).count(),
					servers.get(0).duplicatesDropped(), processedTwice);
			System.out.printf("[faults]   longest gap in traffic from the stop: %.2f s%n", gap / 1e9);
			System.out
				.printf("[faults]   %d calls queued behind a held one: quorum queue answered %d %s; classic queue "
						+ "answered %d %s%n", WAITING, quorumOk, quorumResults, classicOk, classicResults);
			System.out.printf("[faults]   queues before the stop (name type ready):%n%s", ready.indent(12));
			System.out.printf("[faults]   queues after (name type consumers):%n%s", consumers.indent(12));

			assertThat(traffic.unexpectedFailures()).as("failures other than timeouts and delivery failures").isEmpty();
			assertThat(traffic.callsLost()).as("calls late or hung").isZero();
			assertThat(traffic.wrongResults.get()).as("wrong results").isZero();
			assertThat(gap).as("longest gap in traffic, ns").isLessThanOrEqualTo(TimeUnit.SECONDS.toNanos(5));
			assertThat(after).as("connections after the stop").doesNotContainKey(connected.port());
			// four transports, each with its consumer connection and, once it published
			// again (a reply, a request, a reply queue check), its publisher connection
			assertThat(after.values().stream().mapToInt(Integer::intValue).sum())
				.as("connections after the stop: none leaked")
				.isBetween(4, 8);
			assertThat(processedTwice).as("casts processed twice").isZero();
			assertThat(quorumOk).as("queued calls answered with quorum queues").isEqualTo(WAITING);
			assertThat(classicOk).as("queued calls answered with classic queues").isLessThan(WAITING);
			servers.forEach(RpcServer::close);
		}
	}

	/**
	 * Waits 15 s for traffic to resume; when it does not, prints what would explain it
	 * (the call figures, the survivor's queues and consumers, and every thread's stack)
	 * before failing, so that a failure in CI can be diagnosed from its output.
	 */
	private static void awaitOrDump(Callable<Boolean> resumed, MixedLoad traffic, RabbitNode survivor) {
		try {
			await().atMost(Duration.ofSeconds(15)).until(resumed);
		}
		catch (ConditionTimeoutException ex) {
			System.out.printf("[faults] traffic did not resume: %s%n", traffic.callFigures());
			System.out.printf("[faults] survivor's queues (name type consumers messages):%n%s",
					survivor.ctl("list_queues", "--silent", "name", "type", "consumers", "messages", "leader", "online")
						.indent(12));
			System.out.printf("[faults] a cast from a new transport to the survivor: %s%n", probe(survivor));
			System.out.printf("[faults] survivor's connections (name port state):%n%s",
					survivor.ctl("list_connections", "--silent", "name", "port", "state").indent(12));
			StringBuilder dump = new StringBuilder();
			for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
				dump.append("    \"").append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
				if (thread.getLockName() != null) {
					dump.append(" on ").append(thread.getLockName());
				}
				if (thread.getLockOwnerName() != null) {
					dump.append(" owned by ").append(thread.getLockOwnerName());
				}
				dump.append('\n');
				for (StackTraceElement frame : thread.getStackTrace()) {
					dump.append("            at ").append(frame).append('\n');
				}
			}
			System.out.printf("[faults] threads:%n%s", dump);
			throw ex;
		}
	}

	private static String probe(RabbitNode survivor) {
		String url = "rabbit://guest:guest@127.0.0.1:" + survivor.port() + "/" + QUORUM;
		try (Transport fresh = transport(url, "quorum")) {
			new RpcTemplate(fresh, Target.topic("faults_cluster_load")).cast(RpcContext.empty(), "record",
					Map.of("id", "probe"));
			return "confirmed";
		}
		catch (RuntimeException ex) {
			return "failed: " + ex;
		}
	}

	// quorum makes the exchange durable: each kind has its own control exchange
	private static Transport transport(String url, String controlExchange) {
		return Transports.create(TransportUrl.parse(url),
				TransportSettings.defaults().withControlExchange(controlExchange));
	}

	private static RpcServer holdingServer(Transport transport, String topic, FaultEndpoint endpoint) {
		// one worker, one queued request: the rest waits on the broker's topic queue
		return new RpcServer(transport, Target.server(topic, "s1"), List.of(Endpoint.of(endpoint)),
				RpcServerOptions.defaults().withExecutorThreads(1).withQueueCapacity(1))
			.start();
	}

	private static List<CompletableFuture<String>> holdCalls(RpcTemplate client) {
		List<CompletableFuture<String>> calls = new ArrayList<>();
		for (int i = 0; i < WAITING; i++) {
			calls.add(client.callAsync(RpcContext.empty(), "hold", Map.of("id", "c" + i), String.class));
		}
		return calls;
	}

	private static List<String> results(List<CompletableFuture<String>> calls, Duration atMost)
			throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		List<String> results = new ArrayList<>();
		for (CompletableFuture<String> call : calls) {
			try {
				results.add(call.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			catch (ExecutionException ex) {
				results.add((ex.getCause() instanceof RpcTimeoutException) ? "timeout"
						: ex.getCause().getClass().getSimpleName());
			}
			catch (TimeoutException ex) {
				results.add("no answer");
			}
		}
		return results;
	}

}
