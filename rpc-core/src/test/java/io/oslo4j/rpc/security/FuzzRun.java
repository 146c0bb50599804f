package io.oslo4j.rpc.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
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
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One fuzz run: publishes generated bad messages (see {@link BadMessages}) straight into
 * a server's queues with a {@link RawPeer}, interleaved with valid calls from an
 * {@link RpcTemplate}, then checks each message's fate ({@link FuzzFates}), that every
 * valid call is answered, and that the server stayed healthy: no stack traces and few log
 * lines, bounded heap and threads, the consumers alive and the queues drained. Prints its
 * figures as {@code fuzz} lines.
 * <p>
 * Into a stream, a last valid call follows the bad messages: streams deliver in order, so
 * its answer shows that the server's consumer read past every message before it,
 * including those it rejected (which a stream keeps). Forged {@code x-delivery-count}
 * headers, when asked for, go on every fourth message: a first delivery carrying one is
 * not a redelivery, and must not count against a quorum queue's delivery limit.
 */
final class FuzzRun {

	/** The server's executor threads, which the thread bounds allow for. */
	static final int EXECUTOR_THREADS = 8;

	/**
	 * The fuzzed server's {@code max_message_size}; some bad messages are just over it.
	 */
	static final int MAX_MESSAGE_SIZE = 24 * 1024 * 1024;

	/**
	 * Makes the fuzzed server's transport, with {@link #MAX_MESSAGE_SIZE}.
	 * @param url the broker's URL with its options
	 * @return the transport
	 */
	static Transport serverTransport(String url) {
		return Transports.create(TransportUrl.parse(url), TransportSettings.defaults()
			.withOptions(Map.of("max_message_size", Integer.toString(MAX_MESSAGE_SIZE))));
	}

	private static final int VALID_EVERY = 50;

	private static final int LONG_IDS = 24;

	private static final List<Object> FORGED_DELIVERY_COUNTS = List.of(19, 20, 21, 1000, -1, "20", Long.MAX_VALUE, 1.5);

	private final String label;

	private final int badMessages;

	private final int maxMessageSize;

	private final List<FuzzRoute> routes;

	private final boolean forgeDeliveryCounts;

	/**
	 * Prepares a run.
	 * @param label what the printed lines start with
	 * @param badMessages how many bad messages before the long-id calls
	 * @param maxMessageSize the server's {@code max_message_size}
	 * @param routes the server's queues, used in turn
	 * @param forgeDeliveryCounts whether every fourth message carries a forged
	 * {@code x-delivery-count}
	 */
	FuzzRun(String label, int badMessages, int maxMessageSize, List<FuzzRoute> routes, boolean forgeDeliveryCounts) {
		this.label = label;
		this.badMessages = badMessages;
		this.maxMessageSize = maxMessageSize;
		this.routes = routes;
		this.forgeDeliveryCounts = forgeDeliveryCounts;
	}

	/**
	 * Runs the fuzz against a served topic and asserts the outcome.
	 * @param seed the generator's seed
	 * @param served the server
	 * @param peer the raw peer, collecting rejected messages already
	 * @param client a client of the topic
	 * @param endpoint the server's endpoint
	 * @return the fates of what was sent
	 */
	FuzzFates run(long seed, ServedTopic served, RawPeer peer, RpcTemplate client, FuzzEndpoint endpoint)
			throws Exception {
		String topic = served.topic();
		RpcServer server = served.server();
		long heapBefore = ResourceProbe.heapAfterGc();
		long threadsBefore = ResourceProbe.threads();
		List<BadMessage> sent = new ArrayList<>();
		BitSet intoStream = new BitSet();
		FuzzFates fates = new FuzzFates(sent, intoStream);
		Map<Long, CompletableFuture<Long>> valid = new TreeMap<>();
		List<ILoggingEvent> events;
		long peakHeap;
		long peakThreads;
		long started = System.nanoTime();
		try (LogCapture logs = LogCapture.asConfigured(); ResourceProbe probe = new ResourceProbe()) {
			publish(seed, topic, peer, client, sent, intoStream, valid);
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> fates.settled(peer));
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
		List<String> mismatches = fates.mismatches(peer);
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
		System.out.printf("%s (seed %d): %d bad messages in %.1f s, %s; valid calls %d/%d ok%n", this.label, seed,
				sent.size(), seconds, outcomes, valid.size(), valid.size());
		System.out.printf("%s: categories %s%n", this.label, categories);
		System.out.printf(
				"%s: %d log lines (%d errors, %d with a stack trace), heap after GC %s -> %s "
						+ "(peak %s), threads %d -> %d (peak %d)%n",
				this.label, events.size(), errors, stackTraces, ResourceProbe.mib(heapBefore),
				ResourceProbe.mib(heapAfter), ResourceProbe.mib(peakHeap), threadsBefore, threadsAfter, peakThreads);
		events.stream().limit(15).forEach((event) -> System.out.println(this.label + " log: " + event));

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
		if (this.forgeDeliveryCounts) {
			assertThat(events).as("delivery limit warnings for forged x-delivery-count headers")
				.noneMatch((event) -> event.getLoggerName().endsWith(".DeliveryLimit"));
		}
		// bounded resources: nothing kept per message, no thread per message
		assertThat(heapAfter - heapBefore).as("heap growth after GC").isLessThan(16L * 1024 * 1024);
		assertThat(threadsAfter).as("threads after").isLessThanOrEqualTo(threadsBefore + EXECUTOR_THREADS + 4);
		assertThat(peakThreads).as("peak threads").isLessThanOrEqualTo(threadsBefore + EXECUTOR_THREADS + 16);
		return fates;
	}

	/**
	 * Publishes the bad messages over the routes in turn (a duplicate pair on the same
	 * one), the big ones spread among them, and a valid call every {@value #VALID_EVERY}
	 * messages; then calls with 1 MiB {@code _unique_id}s, and a last call into each
	 * stream.
	 */
	private void publish(long seed, String topic, RawPeer peer, RpcTemplate client, List<BadMessage> sent,
			BitSet intoStream, Map<Long, CompletableFuture<Long>> valid) throws Exception {
		BadMessages generator = new BadMessages(seed, peer.replyQueue());
		List<Supplier<BadMessage>> big = generator.big(this.maxMessageSize);
		int bigEvery = this.badMessages / (big.size() + 1);
		int bigSent = 0;
		while (sent.size() < this.badMessages) {
			boolean bigTurn = bigSent < big.size() && sent.size() >= (bigSent + 1) * bigEvery;
			List<BadMessage> batch = bigTurn ? List.of(big.get(bigSent++).get()) : generator.next();
			FuzzRoute route = this.routes.get(sent.size() % this.routes.size());
			for (BadMessage message : batch) {
				send(peer, route, message, sent, intoStream);
				if (sent.size() % VALID_EVERY == 0) {
					long a = sent.size();
					valid.put(a, client.callAsync(RpcContext.empty(), "add", Map.of("a", a, "b", 1), Long.class));
				}
			}
		}
		// last, so that they are still among the ids the server remembers
		for (BadMessage message : generator.longUniqueIds(LONG_IDS)) {
			send(peer, this.routes.get(0), message, sent, intoStream);
		}
		Messages messages = new Messages(peer.replyQueue());
		for (FuzzRoute route : this.routes) {
			if (route.stream()) {
				Map<String, @Nullable Object> last = messages.call("echo", Messages.args("value", "last"));
				send(peer, route, Messages.result("stream-last", last, "last"), sent, intoStream);
			}
		}
		peer.awaitConfirms();
	}

	/**
	 * Returns whether a message carries a forged {@code x-delivery-count} when they are
	 * asked for.
	 * @param id its {@code fuzz-id}
	 * @return whether it does
	 */
	static boolean forged(int id) {
		return id % 4 == 1;
	}

	private void send(RawPeer peer, FuzzRoute route, BadMessage message, List<BadMessage> sent, BitSet intoStream)
			throws Exception {
		int id = sent.size();
		Map<String, Object> headers = (this.forgeDeliveryCounts && forged(id))
				? Map.of("x-delivery-count", FORGED_DELIVERY_COUNTS.get((id / 4) % FORGED_DELIVERY_COUNTS.size()))
				: Map.of();
		peer.publish(route.exchange(), route.routingKey(), message, id, headers);
		sent.add(message.sent());
		intoStream.set(id, route.stream());
	}

}
