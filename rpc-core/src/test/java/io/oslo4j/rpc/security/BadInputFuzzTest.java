package io.oslo4j.rpc.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.security.BadMessage.Expect;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publishes 10,000 generated bad messages (see {@link BadMessages}) straight into a
 * RabbitMQ server's three queues with a raw client, interleaved with valid calls from an
 * {@link RpcTemplate}, and checks that each bad message got exactly what oslo's rules
 * give it (rejected: seen on a dead-letter queue; answered: the right result or failure
 * class; dispatched or dropped: neither), that every valid call is answered, and that the
 * server stays healthy: no stack traces and few log lines, bounded heap and threads, the
 * consumer alive.
 */
class BadInputFuzzTest {

	private static final int BAD_MESSAGES = 10_000;

	private static final int MAX_MESSAGE_SIZE = 24 * 1024 * 1024;

	private static final int VALID_EVERY = 50;

	private static final int EXECUTOR_THREADS = 8;

	private static final int LONG_IDS = 24;

	@Test
	@Timeout(600)
	void tenThousandBadMessagesAreRefusedOrAnsweredWhileValidCallsAreServed() throws Exception {
		String url = TestBroker.url();
		long seed = System.nanoTime();
		FuzzEndpoint endpoint = new FuzzEndpoint();
		try (RawPeer peer = new RawPeer(url);
				Transport serverTransport = Transports.create(TransportUrl.parse(url),
						TransportSettings.defaults()
							.withOptions(Map.of("max_message_size", Integer.toString(MAX_MESSAGE_SIZE))));
				Transport clientTransport = Transports.create(url);
				ServedTopic served = ServedTopic.serve(serverTransport, "fuzz", endpoint,
						RpcServerOptions.defaults().withExecutorThreads(EXECUTOR_THREADS))) {
			peer.collectRejected(served.topic());
			RpcTemplate client = served.client(clientTransport, Duration.ofSeconds(120));
			assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2), Long.class)).isEqualTo(3L);
			run(seed, served.topic(), peer, client, served.server(), endpoint);
		}
	}

	private void run(long seed, String topic, RawPeer peer, RpcTemplate client, RpcServer server, FuzzEndpoint endpoint)
			throws Exception {
		long heapBefore = ResourceProbe.heapAfterGc();
		long threadsBefore = ResourceProbe.threads();
		List<BadMessage> sent = new ArrayList<>();
		Map<Long, CompletableFuture<Long>> valid = new TreeMap<>();
		List<ILoggingEvent> events;
		long peakHeap;
		long peakThreads;
		long started = System.nanoTime();
		try (LogCapture logs = LogCapture.asConfigured(); ResourceProbe probe = new ResourceProbe()) {
			publish(seed, topic, peer, client, sent, valid);
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> settled(sent, peer));
			// nothing more arrives: no late reply, no late rejection
			int replies = peer.replies().size();
			int rejected = peer.deadLettered().size();
			await().pollDelay(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(5))
				.until(() -> peer.replies().size() == replies && peer.deadLettered().size() == rejected);
			CompletableFuture.allOf(valid.values().toArray(CompletableFuture[]::new)).get();
			events = logs.events();
			peakHeap = probe.peakHeap();
			peakThreads = probe.peakThreads();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		List<String> mismatches = mismatches(sent, peer);
		// what the test itself keeps must not count as the server's
		peer.replies().clear();
		long heapAfter = ResourceProbe.heapAfterGc();
		long threadsAfter = ResourceProbe.threads();

		Map<Expect, Long> outcomes = sent.stream()
			.collect(Collectors.groupingBy(BadMessage::expect, TreeMap::new, Collectors.counting()));
		Map<String, Long> categories = sent.stream()
			.collect(Collectors.groupingBy(BadMessage::category, TreeMap::new, Collectors.counting()));
		long stackTraces = events.stream().filter((event) -> event.getThrowableProxy() != null).count();
		long errors = events.stream().filter((event) -> event.getLevel().isGreaterOrEqual(Level.ERROR)).count();
		System.out.printf("fuzz (seed %d): %d bad messages in %.1f s, %s; valid calls %d/%d ok%n", seed, sent.size(),
				seconds, outcomes, valid.size(), valid.size());
		System.out.printf("fuzz: categories %s%n", categories);
		System.out.printf(
				"fuzz: %d log lines (%d errors, %d with a stack trace), heap after GC %s -> %s "
						+ "(peak %s), threads %d -> %d (peak %d)%n",
				events.size(), errors, stackTraces, ResourceProbe.mib(heapBefore), ResourceProbe.mib(heapAfter),
				ResourceProbe.mib(peakHeap), threadsBefore, threadsAfter, peakThreads);
		events.stream().limit(15).forEach((event) -> System.out.println("fuzz log: " + event));

		assertThat(mismatches).as("bad messages handled otherwise than oslo's rules say").isEmpty();
		valid.forEach((a, result) -> assertThat(result.join()).as("add(%d, 1)", a).isEqualTo(a + 1));
		assertThat(endpoint.hidden).hasValue(0);
		// the consumer never died: still running, still consuming, queues drained
		assertThat(server.isRunning()).isTrue();
		for (String queue : List.of(topic, topic + ".s1")) {
			assertThat(peer.consumerCount(queue)).as("consumers of %s", queue).isEqualTo(1);
			assertThat(peer.messageCount(queue)).as("messages left in %s", queue).isZero();
		}
		assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 40, "b", 2), Long.class)).isEqualTo(42L);
		// no stack trace flood: one throttled line per bad message at most
		assertThat(stackTraces).as("log events with a stack trace").isZero();
		assertThat(errors).as("error log events").isZero();
		assertThat(events.size()).as("log lines").isLessThan(Math.max(50, (int) (seconds * 40)));
		assertThat(events).as("log lines over 1,000 characters")
			.noneMatch((event) -> event.getFormattedMessage().length() > 1000);
		// bounded resources: nothing kept per message, no thread per message
		assertThat(heapAfter - heapBefore).as("heap growth after GC").isLessThan(16L * 1024 * 1024);
		assertThat(threadsAfter).as("threads after").isLessThanOrEqualTo(threadsBefore + EXECUTOR_THREADS + 4);
		assertThat(peakThreads).as("peak threads").isLessThanOrEqualTo(threadsBefore + EXECUTOR_THREADS + 16);
	}

	/**
	 * Publishes the bad messages over the three queues in turn (a duplicate pair on the
	 * same one), the big ones spread among them, and a valid call every
	 * {@value #VALID_EVERY} messages; then calls with 1 MiB {@code _unique_id}s.
	 */
	private static void publish(long seed, String topic, RawPeer peer, RpcTemplate client, List<BadMessage> sent,
			Map<Long, CompletableFuture<Long>> valid) throws Exception {
		BadMessages generator = new BadMessages(seed, peer.replyQueue());
		List<Supplier<BadMessage>> big = generator.big(MAX_MESSAGE_SIZE);
		int bigEvery = BAD_MESSAGES / (big.size() + 1);
		int bigSent = 0;
		String[][] routes = { { "openstack", topic }, { "openstack", topic + ".s1" }, { topic + "_fanout", "" } };
		while (sent.size() < BAD_MESSAGES) {
			boolean bigTurn = bigSent < big.size() && sent.size() >= (bigSent + 1) * bigEvery;
			List<BadMessage> batch = bigTurn ? List.of(big.get(bigSent++).get()) : generator.next();
			String[] route = routes[sent.size() % routes.length];
			for (BadMessage message : batch) {
				peer.publish(route[0], route[1], message, sent.size());
				sent.add(message.sent());
				if (sent.size() % VALID_EVERY == 0) {
					long a = sent.size();
					valid.put(a, client.callAsync(RpcContext.empty(), "add", Map.of("a", a, "b", 1), Long.class));
				}
			}
		}
		// last, so that they are still among the ids the server remembers
		for (BadMessage message : generator.longUniqueIds(LONG_IDS)) {
			peer.publish("openstack", topic, message, sent.size());
			sent.add(message.sent());
		}
		peer.awaitConfirms();
	}

	/** Whether every expected reply and every expected rejection arrived. */
	private static boolean settled(List<BadMessage> sent, RawPeer peer) {
		long rejected = sent.stream().filter((message) -> message.expect() == Expect.REJECTED).count();
		if (peer.deadLettered().size() < rejected) {
			return false;
		}
		for (BadMessage message : sent) {
			if (message.msgId() != null && finalReply(peer, message.msgId()) == null) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable Map<String, @Nullable Object> finalReply(RawPeer peer, String msgId) {
		List<Map<String, @Nullable Object>> replies = peer.replies().get(msgId);
		if (replies == null) {
			return null;
		}
		return replies.stream().filter((reply) -> Boolean.TRUE.equals(reply.get("ending"))).findFirst().orElse(null);
	}

	private static List<String> mismatches(List<BadMessage> sent, RawPeer peer) {
		List<String> mismatches = new ArrayList<>();
		Set<Integer> rejected = peer.deadLettered();
		Set<String> expectedReplies = sent.stream()
			.map(BadMessage::msgId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		for (int id = 0; id < sent.size(); id++) {
			BadMessage message = sent.get(id);
			String problem = problem(message, rejected.contains(id), peer);
			if (problem != null) {
				mismatches.add("#" + id + " " + message + ": " + problem);
			}
		}
		for (String msgId : peer.replies().keySet()) {
			if (!expectedReplies.contains(msgId)) {
				mismatches.add("unexpected reply " + peer.replies().get(msgId));
			}
		}
		rejected.stream()
			.filter((id) -> id < 0 || id >= sent.size())
			.forEach((id) -> mismatches.add("unknown rejected " + id));
		return mismatches.subList(0, Math.min(30, mismatches.size()));
	}

	private static @Nullable String problem(BadMessage message, boolean rejected, RawPeer peer) {
		if ((message.expect() == Expect.REJECTED) != rejected) {
			return rejected ? "rejected" : "not rejected";
		}
		if (message.msgId() == null) {
			return null;
		}
		Map<String, @Nullable Object> reply = finalReply(peer, message.msgId());
		if (reply == null) {
			return "no reply";
		}
		String failure = Replies.failureClass(reply);
		String actual = (failure != null) ? "failure " + failure : "result " + Replies.result(reply);
		String expected = (message.expect() == Expect.FAILURE) ? "failure " + message.expected()
				: "result " + message.expected();
		return actual.equals(expected) ? null : "expected " + expected + ", got " + abbreviate(actual);
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
