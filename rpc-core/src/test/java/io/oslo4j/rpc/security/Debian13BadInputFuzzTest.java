package io.oslo4j.rpc.security;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.interop.InteropMode;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.RabbitNode;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bad-input fuzz of {@link BadInputFuzzTest} against a server in kolla-ansible
 * 2025.1's mode on RabbitMQ 4.0.5 (the Debian 13 root's, port 5817): its topic queues are
 * quorum queues (dead-lettered by a policy, as on 3.10) and its fanout queue is the
 * topic's shared stream, which cannot dead-letter: a message the server rejects there
 * stays in the stream, and its fate is that it got no reply and that the server's
 * consumer read on past it (a last call into the stream is answered). Every fourth
 * message carries a forged {@code x-delivery-count}, which must not count against the
 * quorum queues' delivery limit. Prefetch is 1 on every consumer.
 * <p>
 * RabbitMQ 4's {@code max_message_size} is 16 MiB; the node takes 32 MiB, so that the
 * bodies over the server's own limit of 24 MiB reach the server and test its limit, as on
 * 3.10. The number of bad messages is the system property
 * {@code oslo4j.fuzz.bad-messages} (default 10,000).
 */
@Timeout(300)
class Debian13BadInputFuzzTest {

	private static final int BAD_MESSAGES = Integer.getInteger("oslo4j.fuzz.bad-messages", 10_000);

	private static final int BROKER_MAX_MESSAGE_SIZE = 32 * 1024 * 1024;

	private static final String LABEL = "fuzz, RabbitMQ 4.0.5 kolla mode";

	@Test
	void tenThousandBadMessagesAreRefusedOrAnsweredByAKollaModeServer() throws Exception {
		long seed = System.nanoTime();
		FuzzEndpoint endpoint = new FuzzEndpoint();
		// port 5817 (distribution 25817, epmd 45817): the RabbitMQ 4 fault tests' range
		try (RabbitNode node = RabbitNode.builder("oslo4j-fuzz4", 5817)
			.debian13()
			.config("max_message_size = " + BROKER_MAX_MESSAGE_SIZE)
			.start()) {
			String url = node.url() + "?" + InteropMode.KOLLA.query();
			try (RawPeer peer = new RawPeer(node.url(), node::ctl);
					Transport serverTransport = FuzzRun.serverTransport(url);
					Transport clientTransport = Transports.create(url);
					ServedTopic served = ServedTopic.serve(serverTransport, "fuzz", endpoint,
							RpcServerOptions.defaults().withExecutorThreads(FuzzRun.EXECUTOR_THREADS))) {
				String topic = served.topic();
				String stream = topic + "_fanout";
				peer.collectRejected(topic);
				assertThat(queues(node, topic, "type")).as("queue types")
					.containsEntry(topic, "quorum")
					.containsEntry(topic + ".s1", "quorum")
					.containsEntry(stream, "stream");
				RpcTemplate client = served.client(clientTransport, Duration.ofSeconds(120));
				assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2), Long.class)).isEqualTo(3L);

				FuzzFates fates = new FuzzRun(LABEL, BAD_MESSAGES, FuzzRun.MAX_MESSAGE_SIZE,
						FuzzRoute.serverQueues(topic, true), true)
					.run(seed, served, peer, client, endpoint);

				// RabbitMQ 4.0.5's list_consumers and declare-ok leave out a stream's
				// consumers; list_queues counts them
				long consumers = Long.parseLong(queues(node, topic, "consumers").get(stream));
				Map<Integer, Object> counted = new TreeMap<>(peer.deadLetterDeliveryCounts());
				counted.keySet().removeIf(FuzzRun::forged);
				System.out.printf(
						"%s: %d messages into the stream (%d rejected), %s in it after the run, %d consumer "
								+ "(declare-ok says %d); dead-lettered from the quorum queues %s, %d of them with an "
								+ "x-delivery-count not forged; broker max_message_size %d MiB%n",
						LABEL, fates.intoStream(), fates.rejectedIntoStream(),
						queues(node, topic, "messages").get(stream), consumers, peer.consumerCount(stream),
						peer.deadLetterReasons(), counted.size(), BROKER_MAX_MESSAGE_SIZE / 1024 / 1024);
				assertThat(consumers).as("consumers of the stream").isEqualTo(1);
				// the stream keeps every message published into it, those the server
				// rejected too
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(
							() -> assertThat(queues(node, topic, "messages").get(stream)).as("messages in the stream")
								.isEqualTo(Long.toString(fates.intoStream())));
				// rejected at their first delivery: never redelivered before
				assertThat(peer.deadLetterReasons()).as("dead-letter reasons").containsOnlyKeys("rejected");
				assertThat(counted).as("x-delivery-count of dead-lettered messages, not forged").isEmpty();
			}
		}
	}

	/** Returns a column of {@code list_queues} for the queues of a topic, by name. */
	private static Map<String, String> queues(RabbitNode node, String topic, String column) {
		Map<String, String> values = new TreeMap<>();
		node.ctl("list_queues", "--silent", "name", column)
			.lines()
			.map((line) -> line.split("\t"))
			.filter((columns) -> columns.length == 2 && columns[0].startsWith(topic))
			.forEach((columns) -> values.put(columns[0], columns[1]));
		return values;
	}

}
