package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.ReplyWaiter;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.test.RabbitNode;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster failover on RabbitMQ 4.0.5 in kolla-ansible 2025.1's mode: three nodes of the
 * Debian 13 root joined into a cluster (ports 5812–5814, distribution 25812–25814, one
 * shared epmd on 45812), two servers and a client on a URL that lists every node, under
 * calls, confirmed casts and fanout casts; the node they are connected to stops
 * ({@code stop_app}) and comes back. Quorum topic and reply queues and the replicated
 * fanout stream survive: every confirmed cast runs once, every confirmed fanout cast
 * reaches each server once (the stream consumers resume at their offsets), and traffic
 * resumes within 5 s.
 */
@Timeout(300)
class Debian13ClusterFailoverTest {

	private static final String TOPIC = "faults_cluster4";

	private static final int FIRST_PORT = 5812;

	@Test
	void everythingMovesToAnotherNodeAndEveryConfirmedCastAndFanoutCastRunsOncePerServer() throws Exception {
		try (RabbitCluster cluster = RabbitCluster.start("oslo4j-faults-cluster4", FIRST_PORT, 3,
				(node) -> node.debian13().epmdPort(FIRST_PORT + 40000))) {
			String url = cluster.url() + "?" + Debian13BrokerRestartTest.KOLLA_MODE;
			try (Transport serverTransport1 = Transports.create(url);
					Transport serverTransport2 = Transports.create(url);
					Transport clientTransport = Transports.create(url)) {
				FaultEndpoint one = new FaultEndpoint("s1");
				FaultEndpoint two = new FaultEndpoint("s2");
				List<RpcServer> servers = List.of(
						RpcServer.create(serverTransport1, Target.server(TOPIC, "s1"), one).start(),
						RpcServer.create(serverTransport2, Target.server(TOPIC, "s2"), two).start());
				RpcTemplate client = new RpcTemplate(clientTransport, Target.topic(TOPIC),
						ClientOptions.defaults().withTimeout(Duration.ofSeconds(5)));
				await().atMost(Duration.ofSeconds(30)).until(() -> servers.stream().allMatch(RpcServer::isRunning));
				String replyQueue = clientTransport.replyQueue((message) -> {
				});
				MixedLoad traffic = new MixedLoad(client, client, "cast", 50).start(2, 1);
				FanoutLoad fanout = new FanoutLoad(client.prepare((p) -> p.fanout(true)));
				Thread fanoutThread = MixedLoad.daemon("load-fanout", fanout);
				LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));

				RabbitNode first = cluster.nodes().get(0);
				Map<Integer, Integer> before = RabbitCluster.connectionsByPort(first);
				int busiest = before.values().stream().mapToInt(Integer::intValue).max().orElse(0);
				RabbitNode connected = cluster.nodes()
					.stream()
					.filter((node) -> before.getOrDefault(node.port(), 0) == busiest)
					.findFirst()
					.orElseThrow();
				RabbitNode survivor = cluster.nodes()
					.stream()
					.filter((node) -> node != connected)
					.findFirst()
					.orElseThrow();
				long stopping = System.nanoTime();
				connected.stopApp();
				long stopped = System.nanoTime();
				await().atMost(Duration.ofSeconds(15)).until(() -> traffic.firstSuccessAfter(stopped) > 0);
				LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
				connected.startApp();
				long back = System.nanoTime();
				LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
				traffic.stop();
				fanout.running = false;
				fanoutThread.join(TimeUnit.SECONDS.toMillis(10));
				await().atMost(Duration.ofSeconds(30))
					.until(() -> traffic.castsConfirmed.stream()
						.allMatch((id) -> one.casts().containsKey(id) || two.casts().containsKey(id))
							&& fanout.confirmed.stream()
								.allMatch((id) -> one.casts().containsKey(id) && two.casts().containsKey(id)));
				Map<Integer, Integer> after = RabbitCluster.connectionsByPort(survivor);
				String queues = survivor.ctl("list_queues", "--silent", "name", "type", "consumers");

				long gap = traffic.longestGapAfter(stopping);
				long castsTwice = traffic.castsConfirmed.stream()
					.filter((id) -> count(one, id) + count(two, id) > 1)
					.count();
				long fanoutNotOnce = fanout.confirmed.stream()
					.filter((id) -> count(one, id) != 1 || count(two, id) != 1)
					.count();
				long late = ReplyWaiter.of(clientTransport).lateReplies();
				System.out.printf(
						"[faults] cluster failover, RabbitMQ 4.0.5 kolla mode: stop_app on %s (took %.1f s), "
								+ "back after %.1f s; connections by port before %s after %s%n",
						connected.nodeName(), (stopped - stopping) / 1e9, (back - stopping) / 1e9, before, after);
				System.out.printf("[faults]   %s%n", traffic.callFigures());
				System.out.printf("[faults]   casts sent %d (publish failed %d) / processed twice %d; fanout casts "
						+ "sent %d (publish failed %d) / not exactly once on each of 2 servers %d; duplicates dropped "
						+ "%d + %d; late replies %d%n", traffic.castsConfirmed.size(), traffic.castsFailed.size(),
						castsTwice, fanout.confirmed.size(), fanout.failed.get(), fanoutNotOnce,
						servers.get(0).duplicatesDropped(), servers.get(1).duplicatesDropped(), late);
				System.out.printf("[faults]   longest gap in traffic from the stop: %.2f s%n", gap / 1e9);
				System.out.printf("[faults]   queues after (name type consumers):%n%s", queues.indent(12));

				assertThat(traffic.unexpectedFailures()).as("failures other than timeouts and delivery failures")
					.isEmpty();
				assertThat(traffic.callsLost()).as("calls late or hung").isZero();
				assertThat(traffic.wrongResults.get()).as("wrong results").isZero();
				assertThat(gap).as("longest gap in traffic, ns").isLessThanOrEqualTo(TimeUnit.SECONDS.toNanos(5));
				assertThat(after).as("connections after the stop").doesNotContainKey(connected.port());
				assertThat(castsTwice).as("casts processed twice").isZero();
				assertThat(fanout.confirmed).as("fanout casts confirmed").isNotEmpty();
				assertThat(fanoutNotOnce).as("fanout casts not delivered exactly once to each server").isZero();
				assertThat(queues).as("the reply queue survives, consumed")
					.containsPattern("(?m)^" + java.util.regex.Pattern.quote(replyQueue) + "\\s+quorum\\s+1$");
				servers.forEach(RpcServer::close);
			}
		}
	}

	private static int count(FaultEndpoint endpoint, String id) {
		java.util.concurrent.atomic.AtomicInteger count = endpoint.casts().get(id);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Fanout casts {@code record(fan-<n>)}, 20 a second, recording which were confirmed.
	 */
	private static final class FanoutLoad implements Runnable {

		private final RpcTemplate fanout;

		final Set<String> confirmed = ConcurrentHashMap.newKeySet();

		final AtomicLong failed = new AtomicLong();

		volatile boolean running = true;

		FanoutLoad(RpcTemplate fanout) {
			this.fanout = fanout;
		}

		@Override
		public void run() {
			for (int n = 0; this.running; n++) {
				String id = "fan-" + n;
				try {
					this.fanout.cast(RpcContext.empty(), "record", Map.of("id", id));
					this.confirmed.add(id);
				}
				catch (RuntimeException ex) {
					this.failed.incrementAndGet();
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
			}
		}

	}

}
