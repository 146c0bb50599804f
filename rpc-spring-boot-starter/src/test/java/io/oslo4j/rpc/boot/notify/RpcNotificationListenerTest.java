package io.oslo4j.rpc.boot.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.notify.NotificationListener;
import io.oslo4j.rpc.notify.NotificationResult;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.notify.NotifierDriver;
import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @RpcNotificationListener} methods on {@code fake://}: arguments, filters and
 * priorities, several methods and applications (pools), requeue, graceful stop and
 * metrics.
 */
@Timeout(60)
class RpcNotificationListenerTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final String topic = "notif_" + MessageIds.next().substring(0, 12);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "rpc.server.name=host-1",
				"rpc.notifications.topics=" + this.topic, "rpc.notifications.publisher-id=compute.host-1");

	private static Notifier notifier(ConfigurableApplicationContext context) {
		return context.getBean(Notifier.class);
	}

	@Test
	void parametersAreFilledByTypeAndNameAndThePayloadIsConverted() {
		this.runner.withBean(ArgumentsListener.class).run((context) -> {
			RpcContext ctxt = RpcContext.of(Map.of("user_id", "u1", "auth_token", "secret"));
			notifier(context).warn(ctxt, "args.created", Map.of("id", "i-1", "vcpus", 2));
			ArgumentsListener listener = context.getBean(ArgumentsListener.class);
			await().atMost(WAIT).until(() -> listener.calls.size() == 2);
			Object[] all = listener.calls.stream().filter((call) -> call.length == 9).findFirst().orElseThrow();
			assertThat(((RpcContext) all[0]).get("user_id")).isEqualTo("u1");
			assertThat(((RpcContext) all[0]).asMap()).doesNotContainKey("auth_token");
			assertThat(((Map<?, ?>) all[1]).get("user_id")).isEqualTo("u1");
			assertThat(all[2]).isEqualTo("compute.host-1");
			assertThat(all[3]).isEqualTo("args.created");
			assertThat(all[4]).isEqualTo(new Instance("i-1", 2));
			assertThat(List.copyOf(((Map<?, ?>) all[5]).keySet())).isEqualTo(List.of("message_id", "timestamp"));
			assertThat(all[6]).isEqualTo(NotificationPriority.WARN);
			assertThat(all[7]).isEqualTo("warn");
			assertThat(((Notification) all[8]).payload()).isEqualTo(Map.of("id", "i-1", "vcpus", 2));
			Object[] single = listener.calls.stream().filter((call) -> call.length == 1).findFirst().orElseThrow();
			assertThat(single[0]).isEqualTo(new Instance("i-1", 2));
		});
	}

	@Test
	void eventTypePublisherIdAndPrioritiesScreenWhatAMethodGets() {
		this.runner.withBean(ErrorsListener.class).run((context) -> {
			ErrorsListener listener = context.getBean(ErrorsListener.class);
			List<NotificationListener> listeners = context.getBean(RpcNotificationListenerRegistry.class).listeners();
			assertThat(listeners).hasSize(1);
			assertThat(listeners.get(0).priorities()).containsExactly(NotificationPriority.ERROR);
			Notifier compute = notifier(context);
			Notifier network = compute.prepare("network.host-1");
			compute.error(RpcContext.empty(), "volume.attach.error", 1);
			network.error(RpcContext.empty(), "compute.instance.crash", 2);
			compute.info(RpcContext.empty(), "compute.instance.create.end", 3);
			compute.error(RpcContext.empty(), "compute.instance.crash", 4);
			await().atMost(WAIT).until(() -> listener.payloads.contains(4));
			assertThat(listener.payloads).containsExactly(4);
		});
	}

	@Test
	void twoBeansOnTheSameTopicInOneApplicationEachGetEveryNotification() {
		this.runner.withBean("first", CountingListener.class)
			.withBean("second", CountingListener.class)
			.run((context) -> {
				assertThat(context.getBean(RpcNotificationListenerRegistry.class).listeners()).hasSize(1);
				for (int i = 0; i < 10; i++) {
					notifier(context).info(RpcContext.empty(), "e", i);
				}
				CountingListener first = context.getBean("first", CountingListener.class);
				CountingListener second = context.getBean("second", CountingListener.class);
				await().atMost(WAIT).until(() -> first.count.get() == 10 && second.count.get() == 10);
			});
	}

	@Test
	void applicationsInOnePoolShareTheWorkAndAnotherPoolGetsItsOwnCopy() {
		ApplicationContextRunner pooled = this.runner.withBean(PooledListener.class);
		String billing = this.topic + "_billing";
		String audit = this.topic + "_audit";
		pooled.withPropertyValues("test.pool=" + billing).run((one) -> {
			pooled.withPropertyValues("test.pool=" + billing).run((two) -> {
				pooled.withPropertyValues("test.pool=" + audit).run((other) -> {
					for (int i = 0; i < 20; i++) {
						notifier(one).info(RpcContext.empty(), "e", i);
					}
					AtomicInteger first = one.getBean(PooledListener.class).count;
					AtomicInteger second = two.getBean(PooledListener.class).count;
					AtomicInteger third = other.getBean(PooledListener.class).count;
					await().atMost(WAIT).until(() -> first.get() + second.get() == 20 && third.get() == 20);
					assertThat(first.get()).isPositive();
					assertThat(second.get()).isPositive();
					System.out.printf("pool %s: %d + %d of 20; pool %s: %d%n", billing, first.get(), second.get(),
							audit, third.get());
				});
			});
		});
	}

	@Test
	void requeueAndExceptionsPutTheMessageBackWhenAllowed() {
		this.runner.withPropertyValues("rpc.notifications.listener.allow-requeue=true")
			.withBean(RequeueListener.class)
			.run((context) -> {
				RequeueListener listener = context.getBean(RequeueListener.class);
				notifier(context).info(RpcContext.empty(), "e", "requeue");
				notifier(context).info(RpcContext.empty(), "e", "throw");
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(listener.payloads).containsOnly("requeue", "throw").hasSize(4));
			});
	}

	@Test
	void withoutAllowRequeueARequeueResultIsAcknowledged() {
		this.runner.withBean(RequeueListener.class).run((context) -> {
			RequeueListener listener = context.getBean(RequeueListener.class);
			notifier(context).info(RpcContext.empty(), "e", "requeue");
			notifier(context).info(RpcContext.empty(), "e", "last");
			// one queue, one consumer: once "last" arrived, "requeue" was not put back
			await().atMost(WAIT).until(() -> listener.payloads.contains("last"));
			assertThat(listener.payloads).containsExactly("requeue", "last");
		});
	}

	@Test
	void placeholdersInAttributesAreResolved() {
		String other = this.topic + "_other";
		this.runner.withPropertyValues("test.topics=" + other + ",x_" + other)
			.withBean(PlaceholderListener.class)
			.run((context) -> {
				assertThat(context.getBean(RpcNotificationListenerRegistry.class).listeners().get(0).toString())
					.contains(other);
				Notifier toOther = new Notifier(context.getBean(RpcNotificationTransport.class).transport(), "p",
						NotifierDriver.MESSAGING_V2, List.of(other));
				toOther.sample(RpcContext.empty(), "e", 1);
				PlaceholderListener listener = context.getBean(PlaceholderListener.class);
				await().atMost(WAIT).until(() -> listener.count.get() == 1);
			});
	}

	@Test
	void closingTheApplicationLetsNotificationsBeingHandledFinish() {
		SlowListener slow = new SlowListener();
		this.runner.withPropertyValues("rpc.notifications.listener.executor-threads=2")
			.withBean(SlowListener.class, () -> slow)
			.run((context) -> {
				notifier(context).info(RpcContext.empty(), "e", 1);
				await().atMost(WAIT).until(() -> slow.started.get() == 1);
			});
		// run() closed the context: the handler finished before the listener was released
		assertThat(slow.finished.get()).isEqualTo(1);
	}

	@Test
	void sentAndReceivedNotificationsAreMetered() {
		SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
		this.runner.withBean(CountingListener.class)
			.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> {
				notifier(context).info(RpcContext.empty(), "e", 1);
				CountingListener listener = context.getBean(CountingListener.class);
				await().atMost(WAIT).until(() -> listener.count.get() == 1);
				MeterRegistry meters = meterRegistry;
				await().atMost(WAIT).untilAsserted(() -> {
					Timer received = meters.find("rpc.notifications.received")
						.tags("rpc.notification.priority", "info", "outcome", "handled")
						.timer();
					assertThat(received).isNotNull();
					assertThat(received.count()).isEqualTo(1);
				});
				Timer sent = meters.find("rpc.notifications.sent")
					.tags("rpc.notification.priority", "info", "rpc.notification.driver", "messagingv2", "outcome",
							"success")
					.timer();
				assertThat(sent).isNotNull();
				assertThat(sent.count()).isEqualTo(1);
			});
	}

	/** A typed payload. */
	record Instance(String id, int vcpus) {
	}

	/** Takes every kind of parameter. */
	static class ArgumentsListener {

		final List<@Nullable Object[]> calls = new CopyOnWriteArrayList<>();

		@RpcNotificationListener(eventType = "args\\.")
		public void everything(RpcContext context, Map<String, Object> ctxt, String publisherId, String eventType,
				Instance payload, Map<String, Object> metadata, NotificationPriority level, String priority,
				Notification notification) {
			this.calls.add(new Object[] { context, ctxt, publisherId, eventType, payload, metadata, level, priority,
					notification });
		}

		@RpcNotificationListener(eventType = "args\\.")
		public NotificationResult single(Instance instance) {
			this.calls.add(new Object[] { instance });
			return NotificationResult.HANDLED;
		}

	}

	/** Errors of compute instances from compute publishers. */
	static class ErrorsListener {

		final List<Object> payloads = new CopyOnWriteArrayList<>();

		@RpcNotificationListener(eventType = "compute\\.instance\\..*", publisherId = "^compute\\.",
				priorities = NotificationPriority.ERROR)
		void errors(Object payload) {
			this.payloads.add(payload);
		}

	}

	/** Counts what it gets. */
	static class CountingListener {

		final AtomicInteger count = new AtomicInteger();

		@RpcNotificationListener
		public void count(Object payload) {
			this.count.incrementAndGet();
		}

	}

	/** Counts what its pool gets. */
	static class PooledListener {

		final AtomicInteger count = new AtomicInteger();

		@RpcNotificationListener(pool = "${test.pool}")
		public void count(Object payload) {
			this.count.incrementAndGet();
		}

	}

	/** Listens on topics from a property. */
	static class PlaceholderListener {

		final AtomicInteger count = new AtomicInteger();

		@RpcNotificationListener(topics = "${test.topics}", priorities = NotificationPriority.SAMPLE)
		public void count(Object payload) {
			this.count.incrementAndGet();
		}

	}

	/** Asks for a requeue, or throws, the first time it sees a payload. */
	static class RequeueListener {

		final List<Object> payloads = new CopyOnWriteArrayList<>();

		@RpcNotificationListener
		public NotificationResult handle(String payload) {
			boolean first = !this.payloads.contains(payload);
			this.payloads.add(payload);
			if (first && payload.equals("throw")) {
				throw new IllegalStateException("boom");
			}
			return (first && payload.equals("requeue")) ? NotificationResult.REQUEUE : NotificationResult.HANDLED;
		}

	}

	/** Takes its time. */
	static class SlowListener {

		final AtomicInteger started = new AtomicInteger();

		final AtomicInteger finished = new AtomicInteger();

		@RpcNotificationListener
		public void handle(Object payload) throws InterruptedException {
			this.started.incrementAndGet();
			Thread.sleep(500);
			this.finished.incrementAndGet();
		}

	}

}
