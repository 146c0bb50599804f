package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.observation.DefaultRpcClientObservationConvention;
import io.oslo4j.rpc.observation.DefaultRpcServerObservationConvention;
import io.oslo4j.rpc.observation.RpcClientObservationConvention;
import io.oslo4j.rpc.observation.RpcServerObservationConvention;
import io.oslo4j.rpc.rabbit.RabbitConnectionFactoryCustomizer;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.server.AckMode;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customizer beans change what the starter makes, after the properties and in
 * {@code @Order}: each server's options, each client, and the amqp-client
 * {@code ConnectionFactory} of a RabbitMQ transport; observation convention beans are
 * picked up.
 */
@Timeout(60)
class RpcCustomizersTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "spring.application.name=app",
				"rpc.server.name=n1", "rpc.clients.app.topic=app", "rpc.clients.app.timeout=5s");

	@Test
	void queueCapacityAndDuplicateCacheSizeAreProperties() {
		this.runner.withPropertyValues("rpc.server.queue-capacity=7", "rpc.server.duplicate-cache-size=3")
			.withBean(CapturingServerCustomizer.class)
			.withBean(Endpoint.class)
			.run((context) -> {
				RpcServerOptions options = context.getBean(CapturingServerCustomizer.class).seen.get(0);
				assertThat(options.queueCapacity()).isEqualTo(7);
				assertThat(options.duplicateCacheSize()).isEqualTo(3);
			});
	}

	@Test
	void serverCustomizersRunInOrderOnEachServersOptionsAfterTheProperties() {
		this.runner.withPropertyValues("rpc.server.executor-threads=4")
			.withBean("second", RpcServerCustomizer.class, () -> new Second())
			.withBean("first", RpcServerCustomizer.class, () -> new First())
			.withBean(CapturingServerCustomizer.class)
			.withBean(Endpoint.class)
			.run((context) -> {
				RpcServerOptions options = context.getBean(CapturingServerCustomizer.class).seen.get(0);
				assertThat(options.executorThreads()).as("first, then second, after the property").isEqualTo(10);
				assertThat(options.ackMode()).isEqualTo(AckMode.AFTER_DISPATCH);
				RpcTemplate client = context.getBean(RpcClientFactory.class).client("app");
				assertThat(client.call(RpcContext.empty(), "ping", Map.of(), String.class)).isEqualTo("pong");
			});
	}

	@Test
	void aBadQueueCapacityFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("rpc.server.queue-capacity=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("rpc.server.queue-capacity")
				.hasMessageContaining("at least 1");
		});
	}

	@Test
	void clientCustomizersSeeTheClientNameAndMayPrepareIt() {
		this.runner
			.withBean(RpcClientCustomizer.class,
					() -> (name, client) -> "app".equals(name)
							? client.prepare((prepare) -> prepare.timeout(Duration.ofSeconds(42))) : client)
			.run((context) -> {
				RpcTemplate client = context.getBean(RpcClientFactory.class).client("app");
				assertThat(client.options().timeout()).isEqualTo(Duration.ofSeconds(42));
			});
	}

	@Test
	void connectionFactoryCustomizersRunInOrderOnTheRabbitTransport() {
		List<String> calls = new ArrayList<>();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
			.withPropertyValues("rpc.transport-url=" + TestBroker.url(), "rpc.server.enabled=false")
			.withBean("late", RabbitConnectionFactoryCustomizer.class, () -> new OrderedLate(calls))
			.withBean("early", RabbitConnectionFactoryCustomizer.class, () -> new OrderedEarly(calls))
			.run((context) -> {
				assertThat(context.getBean(Transport.class)).isInstanceOf(RabbitTransport.class);
				assertThat(calls).containsExactly("early", "late");
			});
	}

	@Test
	void connectionFactoryCustomizersLeaveOtherTransportsAlone() {
		List<String> calls = new ArrayList<>();
		this.runner.withBean(RabbitConnectionFactoryCustomizer.class, () -> new OrderedLate(calls))
			.run((context) -> assertThat(calls).isEmpty());
	}

	@Test
	void observationConventionBeansArePickedUp() {
		DefaultRpcClientObservationConvention client = new DefaultRpcClientObservationConvention();
		DefaultRpcServerObservationConvention server = new DefaultRpcServerObservationConvention();
		this.runner.withBean(RpcClientObservationConvention.class, () -> client)
			.withBean(RpcServerObservationConvention.class, () -> server)
			.withBean(CapturingServerCustomizer.class)
			.withBean(Endpoint.class)
			.run((context) -> {
				assertThat(context.getBean(RpcClientFactory.class).client("app").options().observationConvention())
					.isSameAs(client);
				assertThat(context.getBean(CapturingServerCustomizer.class).seen.get(0).observationConvention())
					.isSameAs(server);
			});
	}

	@RpcEndpoint
	static class Endpoint {

		public String ping() {
			return "pong";
		}

	}

	static class CapturingServerCustomizer implements RpcServerCustomizer {

		final List<RpcServerOptions> seen = new ArrayList<>();

		@Override
		public RpcServerOptions customize(io.oslo4j.rpc.Target target, RpcServerOptions options) {
			this.seen.add(options);
			return options;
		}

	}

	@Order(1)
	static class First implements RpcServerCustomizer {

		@Override
		public RpcServerOptions customize(io.oslo4j.rpc.Target target, RpcServerOptions options) {
			return options.withExecutorThreads(options.executorThreads() + 1);
		}

	}

	@Order(2)
	static class Second implements RpcServerCustomizer {

		@Override
		public RpcServerOptions customize(io.oslo4j.rpc.Target target, RpcServerOptions options) {
			return options.withExecutorThreads(options.executorThreads() * 2).withAckMode(AckMode.AFTER_DISPATCH);
		}

	}

	@Order(1)
	record OrderedEarly(List<String> calls) implements RabbitConnectionFactoryCustomizer {

		@Override
		public void customize(com.rabbitmq.client.ConnectionFactory connectionFactory) {
			this.calls.add("early");
		}

	}

	@Order(2)
	record OrderedLate(List<String> calls) implements RabbitConnectionFactoryCustomizer {

		@Override
		public void customize(com.rabbitmq.client.ConnectionFactory connectionFactory) {
			this.calls.add("late");
		}

	}

}
