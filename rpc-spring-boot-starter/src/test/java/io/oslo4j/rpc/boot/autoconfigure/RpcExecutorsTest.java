package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.boot.metrics.RpcMetricsAutoConfiguration;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where requests run: an {@code Executor} bean named by {@code rpc.server.executor},
 * virtual threads with {@code spring.threads.virtual.enabled=true}, the server's own
 * threads (both decorated by the application's {@link TaskDecorator}), and the executor
 * meters of the workers.
 */
@Timeout(60)
class RpcExecutorsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "spring.application.name=app",
				"rpc.server.name=n1", "rpc.clients.app.topic=app", "rpc.clients.app.timeout=5s")
		.withBean(ThreadEndpoint.class);

	private static String call(org.springframework.context.ApplicationContext context) {
		RpcTemplate client = context.getBean(RpcClientFactory.class).client("app");
		return client.call(RpcContext.empty(), "thread", Map.of(), String.class);
	}

	@Test
	void requestsRunOnTheNamedExecutor() {
		ExecutorService application = Executors.newFixedThreadPool(2, (runnable) -> new Thread(runnable, "app-pool"));
		try {
			this.runner.withPropertyValues("rpc.server.executor=appExecutor")
				.withBean("appExecutor", ExecutorService.class, () -> application)
				.run((context) -> assertThat(call(context)).startsWith("app-pool"));
		}
		finally {
			application.shutdownNow();
		}
	}

	@Test
	void withoutAnExecutorRequestsRunOnTheServersOwnThreads() {
		this.runner.run((context) -> assertThat(call(context)).startsWith("oslo4j-rpc-app.n1-"));
	}

	@Test
	void anExecutorThatDoesNotExistFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("rpc.server.executor=missing").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Invalid value for 'rpc.server.executor': there is no bean named 'missing'");
		});
	}

	@Test
	void anExecutorNamedWhileRequestsRunOnTheConsumerThreadFailsStartup() {
		this.runner.withPropertyValues("rpc.server.executor=appExecutor", "rpc.server.executor-threads=0")
			.withBean("appExecutor", ExecutorService.class, Executors::newSingleThreadExecutor)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("rpc.server.executor")
					.hasMessageContaining("rpc.server.executor-threads=0");
			});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void withVirtualThreadsEnabledEachRequestRunsOnADecoratedVirtualThread() {
		AtomicInteger decorated = new AtomicInteger();
		TaskDecorator decorator = (task) -> () -> {
			decorated.incrementAndGet();
			task.run();
		};
		this.runner.withPropertyValues("spring.threads.virtual.enabled=true")
			.withBean(TaskDecorator.class, () -> decorator)
			.run((context) -> {
				String thread = call(context);
				assertThat(thread).startsWith("oslo4j-rpc-").endsWith("virtual=true");
				assertThat(decorated).hasValue(1);
			});
	}

	@Test
	void theTaskDecoratorDecoratesEachRequestOnTheServersOwnThreadsWhereTheyAreHandedOver() {
		List<String> decoratingThreads = new CopyOnWriteArrayList<>();
		List<String> runningThreads = new CopyOnWriteArrayList<>();
		TaskDecorator decorator = (task) -> {
			decoratingThreads.add(Thread.currentThread().getName());
			return () -> {
				runningThreads.add(Thread.currentThread().getName());
				task.run();
			};
		};
		this.runner.withBean(TaskDecorator.class, () -> decorator).run((context) -> {
			assertThat(call(context)).startsWith("oslo4j-rpc-app.n1-");
			call(context);
			assertThat(runningThreads).hasSize(2).allMatch((name) -> name.startsWith("oslo4j-rpc-app.n1-"));
			// decorated where the request is handed over (to capture context), not on the
			// worker
			assertThat(decoratingThreads).hasSize(2).noneMatch((name) -> name.startsWith("oslo4j-rpc-app.n1-"));
		});
	}

	@Test
	void aNamedExecutorKeepsItsOwnDecoration() {
		AtomicInteger decorated = new AtomicInteger();
		TaskDecorator decorator = (task) -> {
			decorated.incrementAndGet();
			return task;
		};
		ExecutorService application = Executors.newFixedThreadPool(2, (runnable) -> new Thread(runnable, "app-pool"));
		try {
			this.runner.withPropertyValues("rpc.server.executor=appExecutor")
				.withBean("appExecutor", ExecutorService.class, () -> application)
				.withBean(TaskDecorator.class, () -> decorator)
				.run((context) -> {
					assertThat(call(context)).startsWith("app-pool");
					assertThat(decorated).hasValue(0);
				});
		}
		finally {
			application.shutdownNow();
		}
	}

	@Test
	void theWorkersReportExecutorMetersTaggedWithTheServerName() {
		this.runner.withConfiguration(AutoConfigurations.of(RpcMetricsAutoConfiguration.class))
			.withPropertyValues("rpc.server.executor-threads=3", "rpc.server.queue-capacity=5")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				call(context);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("executor.pool.max").tag("name", "oslo4j-rpc-app.n1").gauge().value())
					.isEqualTo(3);
				assertThat(meters.get("executor.queue.remaining").tag("name", "oslo4j-rpc-app.n1").gauge().value())
					.isEqualTo(5);
				// the reply is sent before the worker counts the request as completed
				await().atMost(Duration.ofSeconds(10))
					.until(() -> meters.get("executor.completed")
						.tag("name", "oslo4j-rpc-app.n1")
						.functionCounter()
						.count() == 1);
				assertThat(meters.get("executor.active").tag("name", "oslo4j-rpc-app.n1").gauge()).isNotNull();
				assertThat(meters.get("executor.queued").tag("name", "oslo4j-rpc-app.n1").gauge()).isNotNull();
			});
	}

	/** Tells which thread runs it, and whether that thread is virtual. */
	@RpcEndpoint
	static class ThreadEndpoint {

		public String thread() throws ReflectiveOperationException {
			Thread current = Thread.currentThread();
			// Thread.isVirtual() is Java 21 API; the build targets Java 17
			Object virtual = (Runtime.version().feature() >= 21) ? Thread.class.getMethod("isVirtual").invoke(current)
					: false;
			return current.getName() + " virtual=" + virtual;
		}

	}

}
