package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.wire.MessageIds;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link RpcEndpointRegistry}: endpoints behind class and interface proxies are invoked
 * through the proxy; topics come from the annotation or the application name.
 */
@Timeout(60)
class RpcEndpointRegistryTest {

	private static final AtomicInteger intercepted = new AtomicInteger();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "spring.application.name=app",
				"rpc.server.name=n1", "rpc.clients.app.topic=app", "rpc.clients.other.topic=other",
				"rpc.clients.other.timeout=5s", "rpc.clients.app.timeout=5s");

	static <T> T proxy(T target, boolean proxyClass) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(proxyClass);
		factory.addAdvice((MethodInterceptor) (invocation) -> {
			intercepted.incrementAndGet();
			return invocation.proceed();
		});
		@SuppressWarnings("unchecked")
		T proxy = (T) factory.getProxy();
		return proxy;
	}

	@Test
	void aClassProxiedEndpointIsInvokedThroughItsProxy() {
		intercepted.set(0);
		this.runner.withBean("echo", EchoEndpoint.class, () -> proxy(new EchoEndpoint(), true)).run((context) -> {
			RpcTemplate client = context.getBean(RpcClientFactory.class).client("app");
			assertThat(client.call(RpcContext.empty(), "echo", Map.of("value", "x"), String.class)).isEqualTo("x!");
			assertThat(intercepted).hasValue(1);
		});
	}

	@Test
	void anInterfaceProxiedEndpointServesItsInterfaceMethods() {
		intercepted.set(0);
		this.runner.withBean(EchoEndpoint.class).withBean(JdkProxying.class).run((context) -> {
			assertThat(context.getBean(Echo.class)).isNotInstanceOf(EchoEndpoint.class);
			RpcTemplate client = context.getBean(RpcClientFactory.class).client("app");
			assertThat(client.call(RpcContext.empty(), "echo", Map.of("value", "y"), String.class)).isEqualTo("y!");
			assertThat(intercepted).hasValue(1);
		});
	}

	@Test
	void anEndpointWithItsOwnTopicGetsItsOwnServer() {
		this.runner.withBean(EchoEndpoint.class).withBean(OtherTopicEndpoint.class).run((context) -> {
			assertThat(context.getBean(RpcEndpointRegistry.class).servers())
				.extracting((server) -> server.target().topic() + "." + server.target().server())
				.containsExactlyInAnyOrder("app.n1", "other.n1");
			RpcTemplate other = context.getBean(RpcClientFactory.class).client("other");
			assertThat(other.call(RpcContext.empty(), "ping", Map.of(), String.class)).isEqualTo("pong");
		});
	}

	@Test
	void anEndpointWithoutTopicOrApplicationNameFailsStartupNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
			.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next())
			.withBean(EchoEndpoint.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(RpcConfigurationException.class)
				.hasMessageContaining("rpc.server.topic"));
	}

	@Test
	void executorThreadsZeroRunsRequestsOnTheConsumerThreadInsteadOfAWorker() {
		this.runner.withBean(ThreadEndpoint.class).run((context) -> {
			RpcTemplate client = context.getBean(RpcClientFactory.class).client("app");
			assertThat(client.call(RpcContext.empty(), "thread", Map.of(), String.class))
				.startsWith("oslo4j-rpc-app.n1-");
		});
		this.runner.withBean(ThreadEndpoint.class)
			.withPropertyValues("rpc.server.executor-threads=0")
			.run((context) -> {
				RpcTemplate client = context.getBean(RpcClientFactory.class).client("app");
				assertThat(client.call(RpcContext.empty(), "thread", Map.of(), String.class))
					.doesNotStartWith("oslo4j-rpc-");
				// the reply is sent before the request leaves the in-flight count
				RpcServer server = context.getBean(RpcEndpointRegistry.class).servers().get(0);
				await().atMost(Duration.ofSeconds(5)).until(() -> server.inFlight() == 0);
			});
	}

	@Test
	void negativeExecutorThreadsFailStartupNamingTheProperty() {
		this.runner.withBean(EchoEndpoint.class)
			.withPropertyValues("rpc.server.executor-threads=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(RpcConfigurationException.class)
				.hasMessageContaining("rpc.server.executor-threads")
				.hasMessageContaining("-1"));
	}

	@Test
	void withoutActuatorThereIsNoSanitizingFunction() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SanitizingFunction.class));
	}

	@Test
	void twoBeansServingAMethodInTheSameNamespaceAndVersionFailStartupNamingBoth() {
		this.runner.withBean("echo", EchoEndpoint.class)
			.withBean("otherEcho", SecondEchoEndpoint.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(RpcDefinitionException.class)
					.hasMessageContaining("beans 'echo' and 'otherEcho' both serve 'echo' on topic 'app'")
					.hasMessageContaining("in the default namespace at version 1.0")
					.hasMessageContaining("@RpcMethod");
			});
	}

	@Test
	void beansServingAMethodAtDifferentVersionsAreBothCallable() {
		this.runner.withBean("echo", EchoEndpoint.class).withBean("echo2", EchoV2Endpoint.class).run((context) -> {
			RpcTemplate client = context.getBean(RpcClientFactory.class).client("app");
			assertThat(client.call(RpcContext.empty(), "echo", Map.of("value", "a"), String.class)).isEqualTo("a!");
			assertThat(client.prepare((options) -> options.version("2.0"))
				.call(RpcContext.empty(), "echo", Map.of("value", "a"), String.class)).isEqualTo("a v2");
		});
	}

	/** Wraps endpoints in JDK interface proxies, as AOP without class proxies does. */
	static class JdkProxying implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			return (bean instanceof EchoEndpoint) ? proxy(bean, false) : bean;
		}

	}

	/** The interface of {@link EchoEndpoint}. */
	public interface Echo {

		String echo(String value);

	}

	/** An endpoint on the default topic. */
	@RpcEndpoint
	public static class EchoEndpoint implements Echo {

		@Override
		public String echo(String value) {
			return value + "!";
		}

	}

	/** Serves {@code echo} where {@link EchoEndpoint} does. */
	@RpcEndpoint
	public static class SecondEchoEndpoint {

		public String echo(String value) {
			return value + "?";
		}

	}

	/** Serves {@code echo} at version 2.0. */
	@RpcEndpoint(version = "2.0")
	public static class EchoV2Endpoint {

		public String echo(String value) {
			return value + " v2";
		}

	}

	/** Tells which thread runs it. */
	@RpcEndpoint
	public static class ThreadEndpoint {

		public String thread() {
			return Thread.currentThread().getName();
		}

	}

	/** An endpoint on a topic of its own. */
	@RpcEndpoint(topic = "other")
	public static class OtherTopicEndpoint {

		public String ping() {
			return "pong";
		}

	}

}
