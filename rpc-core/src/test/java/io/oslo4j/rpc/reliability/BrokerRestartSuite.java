package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
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
 * Broker restart under load: a Java client and server on their own RabbitMQ node, with
 * concurrent calls and confirmed casts for a while ({@code oslo4j.faults.load-seconds}
 * overrides it) while the node's application is stopped and started again. Durable or
 * quorum topic queues keep the casts that were queued when the broker stopped; those
 * delivered but not yet acknowledged come again and are dropped as duplicates by
 * {@code _unique_id}. Each subclass names the broker and the options (oslo's mode).
 */
@Timeout(300)
abstract class BrokerRestartSuite {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration DOWN_TIME = Duration.ofSeconds(5);

	private static final Duration AFTER_BACK = Duration.ofSeconds(8);

	static final String TOPIC = "faults_restart";

	static final int CHANNEL_CACHE = 2;

	// amqp-client gives each connection a delivery pool (two threads per core) that
	// starts
	// its threads lazily, and a heartbeat thread: how many of them run after a reconnect
	// depends on timing, so they are held to what the test's four connections can have
	private static final String AMQP_POOL = "pool-#-thread-#";

	private static final int AMQP_POOL_BOUND = 4 * (2 * Runtime.getRuntime().availableProcessors() + 1);

	// the publisher connection's idle channels: the cache, plus the long-lived confirm
	// channels (min(2, rpc_conn_pool_size))
	private static final int IDLE_CHANNELS = CHANNEL_CACHE + Math.min(2, CHANNEL_CACHE);

	private final long loadSeconds;

	/**
	 * Makes the suite.
	 * @param defaultLoadSeconds how long the load runs unless
	 * {@code oslo4j.faults.load-seconds} says otherwise
	 */
	BrokerRestartSuite(long defaultLoadSeconds) {
		this.loadSeconds = Long.getLong("oslo4j.faults.load-seconds", defaultLoadSeconds);
	}

	/**
	 * Starts the node to restart.
	 * @return the running node
	 */
	abstract RabbitNode startNode();

	/**
	 * Returns the transport URL options of the mode under test, with
	 * {@code rpc_conn_pool_size} set to {@link #CHANNEL_CACHE} (a channel cache smaller
	 * than the load's concurrency bounds the idle channels a connection keeps, so that a
	 * leaked channel shows). The topic queues must keep queued casts over the restart.
	 * @return the query, starting with {@code ?}
	 */
	abstract String options();

	/**
	 * Returns the fanout queue the server consumes, among the queues of the node.
	 * @param queues the queue names that have consumers
	 * @return the server's fanout queue
	 */
	abstract String fanoutQueue(java.util.Collection<String> queues);

	@Test
	void everyCallAnswersOrFailsInTimeAndEveryConfirmedCastIsProcessedOnce() throws Exception {
		long loadSeconds = this.loadSeconds;
		try (RabbitNode node = startNode();
				Transport serverTransport = Transports.create(node.url() + options());
				Transport clientTransport = Transports.create(node.url() + options())) {
			FaultEndpoint endpoint = new FaultEndpoint("s1");
			RpcServer server = RpcServer.create(serverTransport, Target.server(TOPIC, "s1"), endpoint).start();
			RpcTemplate client = new RpcTemplate(clientTransport, Target.topic(TOPIC),
					ClientOptions.defaults().withTimeout(CALL_TIMEOUT));
			await().atMost(Duration.ofSeconds(30)).until(server::isRunning);

			// warm up, then count threads and channels at rest
			MixedLoad warmUp = new MixedLoad(client, client, "warm", 100).start(4, 2);
			pause(Duration.ofSeconds(3));
			warmUp.stop();
			awaitProcessed(endpoint, warmUp);
			Map<String, Integer> threadsBefore = NodeResources.threads();
			NodeResources.Channels channelsBefore = NodeResources.channels(node);
			int connectionsBefore = NodeResources.connections(node);

			LogCapture logs = LogCapture.begin();
			MixedLoad load = new MixedLoad(client, client, "load", 100).start(4, 2);
			long start = System.nanoTime();
			pause(Duration.ofSeconds(Math.min(10, loadSeconds / 4)));
			long stopping = System.nanoTime();
			node.stopApp();
			long down = System.nanoTime();
			pause(DOWN_TIME);
			CompletableFuture<Long> reopened = PortWatch.whenOpen(node.port());
			node.startApp();
			long back = reopened.get(10, TimeUnit.SECONDS);
			// the load goes on for a while after the broker is back, however long it was
			// away
			pauseUntil(Math.max(start + TimeUnit.SECONDS.toNanos(loadSeconds), back + AFTER_BACK.toNanos()));
			load.stop();
			logs.close();
			long firstSuccess = load.firstSuccessAfter(back);
			awaitProcessed(endpoint, load);

			Map<String, Integer> consumers = NodeResources.consumersByQueue(node);
			String replyQueue = clientTransport.replyQueue((message) -> {
			});
			client.prepare((p) -> p.fanout(true)).cast(RpcContext.empty(), "record", Map.of("id", "fanout-after"));
			await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.casts().containsKey("fanout-after"));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(lessOrEqual(threadsBefore))
					.as("threads back to %s (now %s)", threadsBefore, NodeResources.threads())
					.isTrue());
			Map<String, Integer> threadsAfter = NodeResources.threads();
			NodeResources.Channels channelsAfter = NodeResources.channels(node);
			int connectionsAfter = NodeResources.connections(node);

			Set<String> confirmed = load.castsConfirmed;
			long processed = confirmed.stream().filter(endpoint.casts()::containsKey).count();
			long processedTwice = endpoint.casts().values().stream().filter((count) -> count.get() > 1).count();
			long processedUnconfirmed = load.castsFailed.stream().filter(endpoint.casts()::containsKey).count();
			double resume = (firstSuccess < 0) ? Double.NaN : (firstSuccess - back) / 1e9;
			System.out.printf("[faults] broker restart under load (%d s; stop_app at %.1f s, port open again "
					+ "%.1f s later)%n", loadSeconds, (stopping - start) / 1e9, (back - stopping) / 1e9);
			System.out.printf("[faults]   %s%n", load.callFigures());
			System.out.printf(
					"[faults]   casts sent %d (publish failed %d, of which processed %d) / processed %d / "
							+ "duplicates dropped %d / processed twice %d%n",
					confirmed.size(), load.castsFailed.size(), processedUnconfirmed, processed,
					server.duplicatesDropped(), processedTwice);
			System.out.printf("[faults]   seconds to resume after the broker was back: %.2f%n", resume);
			System.out.printf("[faults]   threads before %s after %s; channels %s -> %s; connections %d -> %d%n",
					threadsBefore, threadsAfter, channelsBefore, channelsAfter, connectionsBefore, connectionsAfter);
			System.out.printf("[faults]   consumers by queue after the restart: %s%n", consumers);
			System.out.printf("[faults]   warnings and errors logged: %s%n", logs.summary());

			assertThat(load.unexpectedFailures()).as("failures other than timeouts and delivery failures").isEmpty();
			assertThat(load.callsLost()).as("calls late by more than a second, or hung").isZero();
			assertThat(load.wrongResults.get()).as("wrong results").isZero();
			assertThat(load.callsOk.get()).as("calls answered").isPositive();
			assertThat(processed).as("confirmed casts processed").isEqualTo(confirmed.size());
			assertThat(processedTwice).as("casts processed more than once").isZero();
			assertThat(resume).as("seconds to resume").isLessThanOrEqualTo(5.0);
			assertThat(consumers).containsEntry(TOPIC, 1)
				.containsEntry(TOPIC + ".s1", 1)
				.containsEntry(replyQueue, 1)
				.hasEntrySatisfying(fanoutQueue(consumers.keySet()), (count) -> assertThat(count).isEqualTo(1));
			assertThat(lessOrEqual(threadsBefore)).as("threads back to " + threadsBefore).isTrue();
			assertThat(channelsAfter.consuming()).as("channels with consumers").isEqualTo(channelsBefore.consuming());
			assertThat(channelsAfter.mostIdlePerConnection()).as("idle channels on a connection")
				.isLessThanOrEqualTo(IDLE_CHANNELS);
			assertThat(connectionsAfter).as("connections").isEqualTo(connectionsBefore);
			server.close();
		}
	}

	private static boolean lessOrEqual(Map<String, Integer> before) {
		Map<String, Integer> now = NodeResources.threads();
		return now.entrySet()
			.stream()
			.allMatch((entry) -> entry.getValue() <= Math.max(before.getOrDefault(entry.getKey(), 0),
					AMQP_POOL.equals(entry.getKey()) ? AMQP_POOL_BOUND : 0));
	}

	private static void awaitProcessed(FaultEndpoint endpoint, MixedLoad load) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> load.castsConfirmed.stream().allMatch(endpoint.casts()::containsKey));
	}

	private static void pause(Duration duration) {
		pauseUntil(System.nanoTime() + duration.toNanos());
	}

	private static void pauseUntil(long nanos) {
		long left;
		while ((left = nanos - System.nanoTime()) > 0) {
			LockSupport.parkNanos(left);
		}
	}

}
