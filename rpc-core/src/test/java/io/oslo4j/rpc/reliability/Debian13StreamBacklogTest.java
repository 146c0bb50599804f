package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.RabbitNode;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A kolla-mode server joining a fanout stream that already holds a large backlog
 * (RabbitMQ 4.0.5, port 5816): it reads from the next message, holds no more than its
 * prefetch, and its heap after GC stays where it was. Then its endpoint blocks on a
 * fanout cast while a burst of fanout casts is published into the stream behind it: the
 * server runs requests on its consumer thread ({@code executorThreads} 0), so the stream
 * consumer waits, and the broker may hand it no more than its prefetch; once the endpoint
 * is released, every cast of the burst runs once, in the order it was sent.
 */
@Timeout(300)
class Debian13StreamBacklogTest {

	private static final String TOPIC = "faults_backlog4";

	private static final String STREAM = TOPIC + "_fanout";

	private static final int BACKLOG = Integer.getInteger("oslo4j.faults.stream-backlog", 200_000);

	private static final int BURST = Integer.getInteger("oslo4j.faults.stream-burst", 5_000);

	// each cast of the burst carries 2 KiB in its id: a burst held in the JVM would show
	private static final int BURST_PADDING = 2048;

	private static final long MIB = 1024 * 1024;

	@Test
	void aServerJoiningABacklogOrBlockedUnderABurstStaysWithinItsPrefetchAndItsHeapStaysFlat() throws Exception {
		String url;
		try (RabbitNode node = RabbitNode.builder("oslo4j-faults-backlog4", 5816).debian13().start()) {
			url = node.url() + "?" + Debian13BrokerRestartTest.KOLLA_MODE;
			// a first server declares the stream and goes away; the stream stays
			try (Transport first = Transports.create(url)) {
				RpcServer server = RpcServer.create(first, Target.server(TOPIC, "s0"), new FaultEndpoint("s0")).start();
				await().atMost(Duration.ofSeconds(30)).until(server::isRunning);
				server.close();
			}
			long publishStart = System.nanoTime();
			publishBacklog(node);
			double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
			long heapBefore = usedHeapAfterGc();

			try (Transport serverTransport = Transports.create(url);
					Transport clientTransport = Transports.create(url)) {
				FaultEndpoint endpoint = new FaultEndpoint("s1");
				RpcServer server = new RpcServer(serverTransport, Target.server(TOPIC, "s1"),
						List.of(Endpoint.of(endpoint)), RpcServerOptions.defaults().withExecutorThreads(0))
					.start();
				await().atMost(Duration.ofSeconds(30)).until(server::isRunning);
				RpcTemplate fanout = new RpcTemplate(clientTransport, Target.topic(TOPIC))
					.prepare((p) -> p.fanout(true));
				fanout.cast(RpcContext.empty(), "record", Map.of("id", "after-join"));
				await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.casts().containsKey("after-join"));
				long heapAfter = usedHeapAfterGc();
				long maxUnacked = maxUnacked(node);
				System.out.printf("[faults] stream backlog, RabbitMQ 4.0.5 kolla mode: %,d messages of 1 KiB in the "
						+ "stream (published in %.1f s); used heap after GC %d MiB before the server joined, %d MiB "
						+ "after; most unacknowledged on a channel %d; casts run %s%n", BACKLOG, publishSeconds,
						heapBefore / MIB, heapAfter / MIB, maxUnacked, endpoint.casts().keySet());

				assertThat(endpoint.casts()).as("only the cast sent after it joined").containsOnlyKeys("after-join");
				assertThat(maxUnacked).as("unacknowledged deliveries on a channel").isLessThanOrEqualTo(1);
				assertThat(heapAfter - heapBefore).as("heap growth, bytes").isLessThan(32 * MIB);

				burstBehindABlockedEndpoint(node, endpoint, fanout);
				server.close();
			}
		}
	}

	/**
	 * Blocks the endpoint on a fanout cast, publishes the burst behind it, measures what
	 * the server holds, then releases it and checks that the burst ran once, in order.
	 */
	private static void burstBehindABlockedEndpoint(RabbitNode node, FaultEndpoint endpoint, RpcTemplate fanout) {
		endpoint.closeGate();
		fanout.cast(RpcContext.empty(), "hold", Map.of("id", "gate"));
		await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.held().contains("gate"));
		long heapBlocked = usedHeapAfterGc();
		long burstStart = System.nanoTime();
		for (int i = 0; i < BURST; i++) {
			fanout.cast(RpcContext.empty(), "hold", Map.of("id", burstId(i)));
		}
		double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
		long heapWithBurst = usedHeapAfterGc();
		long unackedBlocked = maxUnacked(node);
		int ranWhileBlocked = endpoint.held().size() - 1;
		// the gate gives up after 60 s: the figures count only if it still held
		int releasedWhileBlocked = endpoint.finished();

		long released = System.nanoTime();
		endpoint.openGate();
		await().atMost(Duration.ofSeconds(120)).until(() -> endpoint.finished() == BURST + 1);
		double drainSeconds = (System.nanoTime() - released) / 1e9;
		List<String> expected = new ArrayList<>(BURST + 1);
		expected.add("gate");
		for (int i = 0; i < BURST; i++) {
			expected.add(burstId(i));
		}
		List<String> ran = List.copyOf(endpoint.held());
		int firstDifference = firstDifference(ran, expected);
		long burstBytes = (long) BURST * BURST_PADDING;

		System.out.printf("[faults] stream burst behind a blocked endpoint (executorThreads 0, prefetch 1): %,d fanout "
				+ "casts of %d KiB published in %.1f s while blocked; most unacknowledged on a channel %d; casts run "
				+ "while blocked %d; used heap after GC %d MiB blocked, %d MiB with the burst in the stream "
				+ "(%+d KiB; the burst is %d KiB); after release all ran in %.1f s: %d run, first out of order or "
				+ "repeated at %d%n", BURST, BURST_PADDING / 1024, burstSeconds, unackedBlocked, ranWhileBlocked,
				heapBlocked / MIB, heapWithBurst / MIB, (heapWithBurst - heapBlocked) / 1024, burstBytes / 1024,
				drainSeconds, ran.size(), firstDifference);

		assertThat(releasedWhileBlocked).as("the endpoint was still blocked when measured").isZero();
		assertThat(ranWhileBlocked).as("casts run while the endpoint was blocked").isZero();
		assertThat(unackedBlocked).as("unacknowledged deliveries on a channel while blocked").isLessThanOrEqualTo(1);
		assertThat(heapWithBurst - heapBlocked).as("heap growth with the burst in the stream, bytes")
			.isLessThan(burstBytes / 2);
		assertThat(ran).as("casts run after the release").hasSize(BURST + 1);
		assertThat(firstDifference).as("first cast out of order or run twice (-1: none)").isEqualTo(-1);
	}

	// made again for the check: the test keeps none of the burst while measuring the heap
	private static String burstId(int i) {
		return String.format("burst-%06d-", i) + "x".repeat(BURST_PADDING);
	}

	private static int firstDifference(List<String> actual, List<String> expected) {
		for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
			if (!actual.get(i).equals(expected.get(i))) {
				return i;
			}
		}
		return (actual.size() == expected.size()) ? -1 : Math.min(actual.size(), expected.size());
	}

	private static long maxUnacked(RabbitNode node) {
		return node.ctl("list_channels", "--silent", "consumer_count", "messages_unacknowledged")
			.lines()
			.map(String::trim)
			.filter((line) -> !line.isEmpty())
			.mapToLong((line) -> Long.parseLong(line.split("\\s+")[1]))
			.max()
			.orElse(0);
	}

	private static void publishBacklog(RabbitNode node) throws Exception {
		byte[] body = new byte[1024];
		Arrays.fill(body, (byte) 'x');
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
		try (Connection raw = BrokerQueues.rawConnectionFactory(node.url()).newConnection();
				Channel channel = raw.createChannel()) {
			channel.confirmSelect();
			for (int i = 1; i <= BACKLOG; i++) {
				channel.basicPublish("", STREAM, properties, body);
				if (i % 2000 == 0) {
					channel.waitForConfirmsOrDie(60_000);
				}
			}
			channel.waitForConfirmsOrDie(60_000);
		}
	}

	private static long usedHeapAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
		}
		return used;
	}

}
