package io.oslo4j.rpc.boot.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.metrics.RpcMetricsAutoConfiguration;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listener methods on an {@code Executor} bean named by
 * {@code rpc.notifications.listener.executor}, the executor meters of the listener, and
 * the notifier and listener customizers.
 */
@Timeout(60)
class RpcNotificationExecutorTest {

	private final String topic = "exec_" + MessageIds.next().substring(0, 12);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class,
				RpcMetricsAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "rpc.server.name=host-1",
				"rpc.notifications.topics=" + this.topic, "rpc.notifications.listener.executor-threads=2")
		.withBean(ThreadListener.class);

	@Test
	void listenerMethodsRunOnTheNamedExecutorAndReportExecutorMeters() {
		ExecutorService application = Executors.newCachedThreadPool((runnable) -> new Thread(runnable, "app-pool"));
		try {
			this.runner.withPropertyValues("rpc.notifications.listener.executor=appExecutor")
				.withBean("appExecutor", ExecutorService.class, () -> application)
				.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
				.run((context) -> {
					context.getBean(Notifier.class).info(RpcContext.empty(), "thread.event", Map.of());
					ThreadListener listener = context.getBean(ThreadListener.class);
					await().atMost(Duration.ofSeconds(10)).until(() -> !listener.threads.isEmpty());
					assertThat(listener.threads).containsExactly("app-pool");
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					String name = "oslo4j-notify-" + this.topic;
					assertThat(meters.get("executor.pool.max").tag("name", name).gauge().value()).isEqualTo(2);
					await().atMost(Duration.ofSeconds(10))
						.until(() -> meters.get("executor.completed").tag("name", name).functionCounter().count() == 1);
				});
		}
		finally {
			application.shutdownNow();
		}
	}

	@Test
	void theTaskDecoratorDecoratesEachNotificationOnTheListenersOwnThreads() {
		List<String> runningThreads = new CopyOnWriteArrayList<>();
		TaskDecorator decorator = (task) -> () -> {
			runningThreads.add(Thread.currentThread().getName());
			task.run();
		};
		this.runner.withBean(TaskDecorator.class, () -> decorator).run((context) -> {
			context.getBean(Notifier.class).info(RpcContext.empty(), "thread.event", Map.of());
			ThreadListener listener = context.getBean(ThreadListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !listener.threads.isEmpty());
			assertThat(listener.threads).singleElement().asString().startsWith("oslo4j-notify-" + this.topic);
			assertThat(runningThreads).isEqualTo(listener.threads);
		});
	}

	@Test
	void notifierAndListenerCustomizersRunAfterTheProperties() {
		this.runner.withBean(RpcNotifierCustomizer.class, () -> (notifier) -> notifier.prepare("custom.publisher"))
			.withBean(RpcNotificationListenerCustomizer.class,
					() -> (targets, options) -> options.withExecutorThreads(options.executorThreads() + 1))
			.run((context) -> {
				assertThat(context.getBean(Notifier.class).publisherId()).isEqualTo("custom.publisher");
				RpcNotificationListenerRegistry registry = context.getBean(RpcNotificationListenerRegistry.class);
				assertThat(registry.listeners()).singleElement()
					.satisfies((listener) -> assertThat(listener.workerStats().maxActive()).isEqualTo(3));
			});
	}

	static class ThreadListener {

		final List<String> threads = new CopyOnWriteArrayList<>();

		@RpcNotificationListener
		public void record(Map<String, Object> payload) {
			this.threads.add(Thread.currentThread().getName());
		}

	}

}
