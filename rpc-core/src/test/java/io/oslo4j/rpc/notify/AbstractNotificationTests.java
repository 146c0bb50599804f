package io.oslo4j.rpc.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification contract, run on every transport: what a {@link Notifier} sends
 * reaches {@link NotificationListener} endpoints with oslo's fields, queues exist before
 * any listener, priorities, filters, pools, requeue, bad messages and batches.
 */
@Timeout(60)
abstract class AbstractNotificationTests {

	protected final List<AutoCloseable> closeables = new ArrayList<>();

	protected Transport transport;

	protected String topic;

	protected String url;

	protected abstract String url();

	/** Called after each test with the queues it may have left. */
	protected void cleanUp(List<String> queues) {
	}

	@BeforeEach
	void setUp() {
		this.url = url();
		this.transport = Transports.create(this.url);
		this.topic = "notif_" + MessageIds.next().substring(0, 12);
	}

	@AfterEach
	void tearDown() throws Exception {
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
		this.transport.close();
		List<String> queues = new ArrayList<>();
		for (NotificationPriority priority : NotificationPriority.values()) {
			queues.add(this.topic + "." + priority.lowerName());
		}
		queues.add(this.topic + "_pool_a");
		queues.add(this.topic + "_pool_b");
		cleanUp(queues);
	}

	protected <T extends AutoCloseable> T track(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

	protected Transport newTransport() {
		return track(Transports.create(this.url));
	}

	protected Notifier notifier(String publisherId) {
		return new Notifier(this.transport, publisherId, NotifierDriver.MESSAGING_V2, List.of(this.topic));
	}

	protected NotificationListener listen(Transport on, NotificationListenerOptions options,
			NotificationEndpoint... endpoints) {
		NotificationListener listener = track(
				NotificationListener.create(on, List.of(Target.topic(this.topic)), List.of(endpoints), options));
		listener.start();
		await().atMost(Duration.ofSeconds(10)).until(listener::isRunning);
		return listener;
	}

	@Test
	void notificationSentBeforeAnyListenerIsKeptAndDeliveredWithOslosFields() {
		RpcContext context = RpcContext.of(Map.of("user_id", "u1", "auth_token", "secret"));
		notifier("compute.host1").info(context, "compute.instance.create.end", Map.of("instance_id", "i-1"));
		Recorder recorder = new Recorder();
		listen(this.transport, NotificationListenerOptions.defaults(), recorder);
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.received.size() == 1);
		Received r = recorder.received.get(0);
		assertThat(r.priority).isEqualTo(NotificationPriority.INFO);
		assertThat(r.publisherId).isEqualTo("compute.host1");
		assertThat(r.eventType).isEqualTo("compute.instance.create.end");
		assertThat(r.payload).isEqualTo(Map.of("instance_id", "i-1"));
		assertThat(r.context.asMap()).containsOnlyKeys("user_id", "client_timeout").containsEntry("user_id", "u1");
		assertThat(r.context.get("client_timeout")).isNull();
		assertThat(r.metadata.keySet()).containsExactly("message_id", "timestamp");
		assertThat((String) r.metadata.get("message_id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-.{4}-.{12}");
		assertThat((String) r.metadata.get("timestamp"))
			.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
	}

	@Test
	void everyPriorityReachesTheMethodOfItsName() {
		Recorder recorder = new Recorder();
		NotificationListener listener = listen(this.transport, NotificationListenerOptions.defaults(), recorder);
		assertThat(listener.priorities()).containsExactlyInAnyOrder(NotificationPriority.values());
		Notifier notifier = notifier("p");
		RpcContext ctx = RpcContext.empty();
		notifier.audit(ctx, "e.audit", 1);
		notifier.debug(ctx, "e.debug", 2);
		notifier.info(ctx, "e.info", 3);
		notifier.warn(ctx, "e.warn", 4);
		notifier.error(ctx, "e.error", 5);
		notifier.critical(ctx, "e.critical", 6);
		notifier.sample(ctx, "e.sample", 7);
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.received.size() == 7);
		for (Received r : recorder.received) {
			assertThat(r.eventType).isEqualTo("e." + r.priority.lowerName());
			assertThat(r.payload).isEqualTo(r.priority.ordinal() + 1);
		}
	}

	@Test
	void onlyImplementedPrioritiesAreSubscribed() {
		NotificationEndpoint errorsOnly = new NotificationEndpoint() {
			@Override
			public NotificationResult error(RpcContext context, @Nullable String publisherId,
					@Nullable String eventType, @Nullable Object payload, Map<String, @Nullable Object> metadata) {
				return NotificationResult.HANDLED;
			}
		};
		NotificationListener listener = listen(this.transport, NotificationListenerOptions.defaults(), errorsOnly);
		assertThat(listener.priorities()).containsExactly(NotificationPriority.ERROR);
	}

	@Test
	void filtersScreenWhatReachesAnEndpoint() {
		Recorder all = new Recorder();
		Recorder filtered = new Recorder(NotificationFilter.builder()
			.publisherId("^compute")
			.eventType("^instance\\.create\\.")
			.context("project_id", "^p1$")
			.payload("state", "^active$")
			.build());
		listen(this.transport, NotificationListenerOptions.defaults(), all, filtered);
		RpcContext p1 = RpcContext.of(Map.of("project_id", "p1"));
		RpcContext p2 = RpcContext.of(Map.of("project_id", "p2"));
		notifier("compute.h1").info(p1, "instance.create.end", Map.of("state", "active"));
		notifier("network.h1").info(p1, "instance.create.end", Map.of("state", "active"));
		notifier("compute.h1").info(p1, "instance.delete.end", Map.of("state", "active"));
		notifier("compute.h1").info(p2, "instance.create.end", Map.of("state", "active"));
		notifier("compute.h1").info(p1, "instance.create.end", Map.of("state", "building"));
		notifier("compute.h1").info(p1, "instance.create.end", Map.of("state", 1));
		await().atMost(Duration.ofSeconds(10)).until(() -> all.received.size() == 6);
		assertThat(filtered.received).hasSize(1);
		assertThat(filtered.received.get(0).publisherId).isEqualTo("compute.h1");
	}

	@Test
	void listenersOfAPoolShareTheWorkAndEveryPoolGetsItsCopy() {
		Recorder a1 = new Recorder();
		Recorder a2 = new Recorder();
		Recorder b = new Recorder();
		NotificationListenerOptions poolA = NotificationListenerOptions.defaults().withPool(this.topic + "_pool_a");
		listen(this.transport, poolA, a1);
		listen(newTransport(), poolA, a2);
		listen(newTransport(), NotificationListenerOptions.defaults().withPool(this.topic + "_pool_b"), b);
		Notifier notifier = notifier("p");
		for (int i = 0; i < 20; i++) {
			notifier.info(RpcContext.empty(), "e", i);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> a1.received.size() + a2.received.size() == 20 && b.received.size() == 20);
		assertThat(a1.received).isNotEmpty();
		assertThat(a2.received).isNotEmpty();
	}

	@Test
	void listenersWithoutPoolCompeteForMessages() {
		Recorder r1 = new Recorder();
		Recorder r2 = new Recorder();
		listen(this.transport, NotificationListenerOptions.defaults(), r1);
		listen(newTransport(), NotificationListenerOptions.defaults(), r2);
		Notifier notifier = notifier("p");
		for (int i = 0; i < 20; i++) {
			notifier.info(RpcContext.empty(), "e", i);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> r1.received.size() + r2.received.size() == 20);
		assertThat(r1.received).isNotEmpty();
		assertThat(r2.received).isNotEmpty();
	}

	@Test
	void requeueResultPutsTheMessageBackWhenAllowed() {
		Recorder recorder = new Recorder();
		recorder.requeueFirst.set(1);
		listen(this.transport, NotificationListenerOptions.defaults().withAllowRequeue(true), recorder);
		notifier("p").info(RpcContext.empty(), "e", "x");
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.received.size() == 2);
		assertThat(recorder.received.get(1).metadata).isEqualTo(recorder.received.get(0).metadata);
	}

	@Test
	void requeueResultAcksWhenRequeueIsNotAllowed() {
		Recorder recorder = new Recorder();
		recorder.requeueFirst.set(1);
		listen(this.transport, NotificationListenerOptions.defaults(), recorder);
		Notifier notifier = notifier("p");
		notifier.info(RpcContext.empty(), "e", "first");
		notifier.info(RpcContext.empty(), "e", "second");
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.received.size() == 2);
		assertThat(recorder.received).extracting((r) -> r.payload).containsExactly("first", "second");
	}

	@Test
	void endpointExceptionRequeuesWhenAllowed() {
		AtomicInteger calls = new AtomicInteger();
		NotificationEndpoint failingOnce = new NotificationEndpoint() {
			@Override
			public NotificationResult info(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
					@Nullable Object payload, Map<String, @Nullable Object> metadata) {
				if (calls.incrementAndGet() == 1) {
					throw new IllegalStateException("boom");
				}
				return NotificationResult.HANDLED;
			}
		};
		listen(this.transport, NotificationListenerOptions.defaults().withAllowRequeue(true), failingOnce);
		notifier("p").info(RpcContext.empty(), "e", "x");
		await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 2);
	}

	@Test
	void notifierLogsInsteadOfThrowingWhenTheTransportIsClosed() {
		Transport closed = Transports.create(this.url);
		closed.close();
		new Notifier(closed, "p", NotifierDriver.MESSAGING_V2, List.of(this.topic)).info(RpcContext.empty(), "e", 1);
	}

	@Test
	void badMessagesAreDroppedAndTheListenerGoesOn() {
		Recorder recorder = new Recorder();
		NotificationListener listener = listen(this.transport, NotificationListenerOptions.defaults(), recorder);
		Target target = Target.topic(this.topic);
		this.transport.sendNotification(target, "info", "not json".getBytes(StandardCharsets.US_ASCII));
		this.transport.sendNotification(target, "info",
				"{\"oslo.version\": \"3.0\", \"oslo.message\": \"{}\"}".getBytes(StandardCharsets.US_ASCII));
		this.transport.sendNotification(target, "info",
				"{\"priority\": \"LOUD\", \"payload\": 1}".getBytes(StandardCharsets.US_ASCII));
		notifier("p").info(RpcContext.empty(), "e", "ok");
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.received.size() == 1);
		assertThat(recorder.received.get(0).payload).isEqualTo("ok");
		assertThat(listener.droppedCount()).isEqualTo(2);
		assertThat(listener.isRunning()).isTrue();
	}

	@Test
	void legacyMessagingDriverIsUnderstood() {
		Recorder recorder = new Recorder();
		listen(this.transport, NotificationListenerOptions.defaults(), recorder);
		new Notifier(this.transport, "p", NotifierDriver.MESSAGING, List.of(this.topic)).warn(RpcContext.empty(), "e",
				Map.of("k", "v"));
		new Notifier(this.transport, "p", NotifierDriver.NOOP, List.of(this.topic)).warn(RpcContext.empty(), "e", 0);
		new Notifier(this.transport, "p", NotifierDriver.LOG, List.of(this.topic)).warn(RpcContext.empty(), "e", 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.received.size() == 1);
		assertThat(recorder.received.get(0).payload).isEqualTo(Map.of("k", "v"));
		assertThat(recorder.received.get(0).priority).isEqualTo(NotificationPriority.WARN);
	}

	@Test
	void batchListenerDeliversListsBySizeAndByTimeout() {
		List<List<Notification>> batches = new CopyOnWriteArrayList<>();
		BatchNotificationEndpoint endpoint = new BatchNotificationEndpoint() {
			@Override
			public NotificationResult info(List<Notification> notifications) {
				batches.add(notifications);
				return NotificationResult.HANDLED;
			}
		};
		NotificationListener listener = track(
				NotificationListener.batch(this.transport, List.of(Target.topic(this.topic)), List.of(endpoint),
						NotificationListenerOptions.defaults().withBatch(5, Duration.ofMillis(300))));
		listener.start();
		await().atMost(Duration.ofSeconds(10)).until(listener::isRunning);
		Notifier notifier = notifier("p");
		for (int i = 0; i < 12; i++) {
			notifier.info(RpcContext.empty(), "e", i);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> batches.stream().mapToInt(List::size).sum() == 12);
		assertThat(batches).extracting(List::size).containsExactly(5, 5, 2);
		assertThat(batches.stream().flatMap(List::stream).map(Notification::payload))
			.containsExactlyElementsOf(java.util.stream.IntStream.range(0, 12).boxed().toList());
	}

	@Test
	void anExecutorCallsEndpointsConcurrentlyAndCloseWaitsForThem() throws InterruptedException {
		CountDownLatch together = new CountDownLatch(3);
		List<Object> handled = new CopyOnWriteArrayList<>();
		NotificationEndpoint slow = new NotificationEndpoint() {
			@Override
			public NotificationResult info(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
					@Nullable Object payload, Map<String, @Nullable Object> metadata) {
				together.countDown();
				try {
					// only three threads at once get past this
					if (!together.await(10, TimeUnit.SECONDS)) {
						throw new IllegalStateException("not called concurrently");
					}
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				handled.add(String.valueOf(payload));
				return NotificationResult.HANDLED;
			}
		};
		// a pool is one queue: without an executor its messages are handled one by one
		NotificationListener listener = listen(this.transport,
				NotificationListenerOptions.defaults()
					.withPool(this.topic + "_pool_a")
					.withExecutorThreads(3)
					.withShutdownTimeout(Duration.ofSeconds(10)),
				slow);
		Notifier notifier = notifier("p");
		for (int i = 0; i < 3; i++) {
			notifier.info(RpcContext.empty(), "e", i);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> together.getCount() == 0);
		listener.close();
		assertThat(handled).containsExactlyInAnyOrder("0", "1", "2");
		// a pool thread that has finished its last task may still be alive for a moment
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
				.noneMatch((name) -> name.startsWith("oslo4j-notify-" + this.topic)));
	}

	@Test
	void sentAndReceivedNotificationsAreObservedWithTheirOutcome() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		AtomicInteger calls = new AtomicInteger();
		NotificationEndpoint endpoint = new NotificationEndpoint() {
			@Override
			public NotificationResult info(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
					@Nullable Object payload, Map<String, @Nullable Object> metadata) {
				calls.incrementAndGet();
				return switch (String.valueOf(payload)) {
					case "requeue-once" -> (calls.get() == 1) ? NotificationResult.REQUEUE : NotificationResult.HANDLED;
					case "fail" -> throw new IllegalStateException("boom");
					default -> NotificationResult.HANDLED;
				};
			}
		};
		listen(this.transport, NotificationListenerOptions.defaults().withAllowRequeue(true).withObservations(registry),
				endpoint);
		Notifier notifier = notifier("p").withObservations(registry);
		notifier.info(RpcContext.empty(), "e.requeue", "requeue-once");
		await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 2);
		this.transport.sendNotification(Target.topic(this.topic), "info",
				"not json".getBytes(StandardCharsets.US_ASCII));
		notifier.info(RpcContext.empty(), "e.ok", "ok");
		await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 3);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo(NotificationObservations.RECEIVED, 4));
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo(NotificationObservations.SENT, 2)
			.hasAnObservation((o) -> o.hasNameEqualTo(NotificationObservations.SENT)
				.hasLowCardinalityKeyValue("rpc.notification.priority", "info")
				.hasLowCardinalityKeyValue("rpc.notification.driver", "messagingv2")
				.hasLowCardinalityKeyValue("outcome", "success")
				.hasHighCardinalityKeyValue("rpc.notification.event_type", "e.ok"))
			.hasAnObservation((o) -> o.hasNameEqualTo(NotificationObservations.RECEIVED)
				.hasLowCardinalityKeyValue("rpc.notification.priority", "info")
				.hasLowCardinalityKeyValue("outcome", "requeued"))
			.hasAnObservation((o) -> o.hasNameEqualTo(NotificationObservations.RECEIVED)
				.hasLowCardinalityKeyValue("rpc.notification.priority", "unknown")
				.hasLowCardinalityKeyValue("outcome", "dropped"))
			.hasAnObservation((o) -> o.hasNameEqualTo(NotificationObservations.RECEIVED)
				.hasHighCardinalityKeyValue("rpc.notification.event_type", "e.ok")
				.hasLowCardinalityKeyValue("outcome", "handled"));
	}

	@Test
	void anEndpointThatThrowsIsObservedAsFailedWhenRequeueIsNotAllowed() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		NotificationEndpoint failing = new NotificationEndpoint() {
			@Override
			public NotificationResult info(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
					@Nullable Object payload, Map<String, @Nullable Object> metadata) {
				throw new IllegalStateException("boom");
			}
		};
		listen(this.transport, NotificationListenerOptions.defaults().withObservations(registry), failing);
		notifier("p").info(RpcContext.empty(), "e", 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
				.hasAnObservation((o) -> o.hasNameEqualTo(NotificationObservations.RECEIVED)
					.hasLowCardinalityKeyValue("outcome", "failed")));
	}

	/** A received call. */
	record Received(NotificationPriority priority, RpcContext context, @Nullable String publisherId,
			@Nullable String eventType, @Nullable Object payload, Map<String, @Nullable Object> metadata) {
	}

	/** Records every priority; optionally requeues the first calls. */
	static final class Recorder implements NotificationEndpoint {

		final List<Received> received = new CopyOnWriteArrayList<>();

		final AtomicInteger requeueFirst = new AtomicInteger();

		final Map<String, Integer> seen = new ConcurrentHashMap<>();

		private final @Nullable NotificationFilter filter;

		Recorder() {
			this(null);
		}

		Recorder(@Nullable NotificationFilter filter) {
			this.filter = filter;
		}

		@Override
		public @Nullable NotificationFilter filter() {
			return this.filter;
		}

		private NotificationResult record(NotificationPriority priority, RpcContext context,
				@Nullable String publisherId, @Nullable String eventType, @Nullable Object payload,
				Map<String, @Nullable Object> metadata) {
			this.received.add(new Received(priority, context, publisherId, eventType, payload, metadata));
			return (this.requeueFirst.getAndDecrement() > 0) ? NotificationResult.REQUEUE : NotificationResult.HANDLED;
		}

		@Override
		public NotificationResult audit(RpcContext c, @Nullable String p, @Nullable String e, @Nullable Object pl,
				Map<String, @Nullable Object> m) {
			return record(NotificationPriority.AUDIT, c, p, e, pl, m);
		}

		@Override
		public NotificationResult debug(RpcContext c, @Nullable String p, @Nullable String e, @Nullable Object pl,
				Map<String, @Nullable Object> m) {
			return record(NotificationPriority.DEBUG, c, p, e, pl, m);
		}

		@Override
		public NotificationResult info(RpcContext c, @Nullable String p, @Nullable String e, @Nullable Object pl,
				Map<String, @Nullable Object> m) {
			return record(NotificationPriority.INFO, c, p, e, pl, m);
		}

		@Override
		public NotificationResult warn(RpcContext c, @Nullable String p, @Nullable String e, @Nullable Object pl,
				Map<String, @Nullable Object> m) {
			return record(NotificationPriority.WARN, c, p, e, pl, m);
		}

		@Override
		public NotificationResult error(RpcContext c, @Nullable String p, @Nullable String e, @Nullable Object pl,
				Map<String, @Nullable Object> m) {
			return record(NotificationPriority.ERROR, c, p, e, pl, m);
		}

		@Override
		public NotificationResult critical(RpcContext c, @Nullable String p, @Nullable String e, @Nullable Object pl,
				Map<String, @Nullable Object> m) {
			return record(NotificationPriority.CRITICAL, c, p, e, pl, m);
		}

		@Override
		public NotificationResult sample(RpcContext c, @Nullable String p, @Nullable String e, @Nullable Object pl,
				Map<String, @Nullable Object> m) {
			return record(NotificationPriority.SAMPLE, c, p, e, pl, m);
		}

	}

}
