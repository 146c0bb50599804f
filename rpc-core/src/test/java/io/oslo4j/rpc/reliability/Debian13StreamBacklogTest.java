package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServer;
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
 * prefetch, and its heap after GC stays where it was.
 */
@Timeout(240)
class Debian13StreamBacklogTest {

	private static final String TOPIC = "faults_backlog4";

	private static final String STREAM = TOPIC + "_fanout";

	private static final int BACKLOG = Integer.getInteger("oslo4j.faults.stream-backlog", 200_000);

	private static final long MIB = 1024 * 1024;

	@Test
	void aServerJoiningABacklogStaysWithinItsPrefetchAndItsHeapStaysFlat() throws Exception {
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
				RpcServer server = RpcServer.create(serverTransport, Target.server(TOPIC, "s1"), endpoint).start();
				await().atMost(Duration.ofSeconds(30)).until(server::isRunning);
				RpcTemplate fanout = new RpcTemplate(clientTransport, Target.topic(TOPIC))
					.prepare((p) -> p.fanout(true));
				fanout.cast(RpcContext.empty(), "record", Map.of("id", "after-join"));
				await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.casts().containsKey("after-join"));
				long heapAfter = usedHeapAfterGc();
				String unacked = node.ctl("list_channels", "--silent", "consumer_count", "messages_unacknowledged");
				long maxUnacked = unacked.lines()
					.map(String::trim)
					.filter((line) -> !line.isEmpty())
					.mapToLong((line) -> Long.parseLong(line.split("\\s+")[1]))
					.max()
					.orElse(0);
				System.out.printf("[faults] stream backlog, RabbitMQ 4.0.5 kolla mode: %,d messages of 1 KiB in the "
						+ "stream (published in %.1f s); used heap after GC %d MiB before the server joined, %d MiB "
						+ "after; most unacknowledged on a channel %d; casts run %s%n", BACKLOG, publishSeconds,
						heapBefore / MIB, heapAfter / MIB, maxUnacked, endpoint.casts().keySet());

				assertThat(endpoint.casts()).as("only the cast sent after it joined").containsOnlyKeys("after-join");
				assertThat(maxUnacked).as("unacknowledged deliveries on a channel").isLessThanOrEqualTo(1);
				assertThat(heapAfter - heapBefore).as("heap growth, bytes").isLessThan(32 * MIB);
				server.close();
			}
		}
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
