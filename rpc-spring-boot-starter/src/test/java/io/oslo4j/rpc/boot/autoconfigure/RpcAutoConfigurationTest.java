package io.oslo4j.rpc.boot.autoconfigure;

import java.util.Map;

import io.oslo4j.rpc.client.RemoteExceptionMapper;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RpcAutoConfiguration}: defaults, back-off, property variants, the
 * spring.rabbitmq.* fallback and switches.
 */
@Timeout(60)
class RpcAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class));

	private static String fakeUrl() {
		return "fake:///" + MessageIds.next();
	}

	@Test
	void withAFakeTransportUrlTheTransportClientFactoryAndEndpointRegistryAreCreated() {
		String url = fakeUrl();
		this.runner.withPropertyValues("rpc.transport-url=" + url).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(Transport.class)
				.hasSingleBean(RpcClientFactory.class)
				.hasSingleBean(RpcEndpointRegistry.class)
				.hasSingleBean(Serializer.class)
				.hasSingleBean(RemoteExceptionMapper.class);
			Transport transport = context.getBean(Transport.class);
			assertThat(transport.url().toString()).isEqualTo(url);
			assertThat(transport.controlExchange()).isEqualTo("openstack");
			assertThat(context.getBean(RpcEndpointRegistry.class).servers()).isEmpty();
		});
	}

	@Test
	void theTransportIsClosedWhenTheContextCloses() {
		Transport[] holder = new Transport[1];
		this.runner.withPropertyValues("rpc.transport-url=" + fakeUrl())
			.run((context) -> holder[0] = context.getBean(Transport.class));
		assertThat(holder[0].isConnected()).isFalse();
	}

	@Test
	void osloSpellingTransportUnderscoreUrlBindsToo() {
		String url = fakeUrl();
		this.runner.withPropertyValues("rpc.transport_url=" + url, "rpc.control_exchange=nova").run((context) -> {
			assertThat(context.getBean(Transport.class).url().toString()).isEqualTo(url);
			assertThat(context.getBean(Transport.class).controlExchange()).isEqualTo("nova");
		});
	}

	@Test
	void theEnvironmentVariableRpcTransportUrlBinds() {
		String url = fakeUrl();
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("RPC_TRANSPORT_URL", url))))
			.run((context) -> assertThat(context.getBean(Transport.class).url().toString()).isEqualTo(url));
	}

	@Test
	void whenUserDefinesTransportThenAutoConfigurationBacksOff() {
		try (Transport own = Transports.create(fakeUrl())) {
			this.runner.withBean(Transport.class, () -> own).run((context) -> {
				assertThat(context).hasSingleBean(Transport.class);
				assertThat(context.getBean(Transport.class)).isSameAs(own);
				assertThat(context).hasSingleBean(RpcClientFactory.class);
			});
		}
	}

	@Test
	void whenUserDefinesSerializerAndExceptionMapperThenTheirsAreUsed() {
		Serializer serializer = JacksonSerializer.defaultSerializer();
		RemoteExceptionMapper mapper = RemoteExceptionMapper.none().allow(IllegalStateException.class);
		this.runner.withPropertyValues("rpc.transport-url=" + fakeUrl())
			.withBean(Serializer.class, () -> serializer)
			.withBean(RemoteExceptionMapper.class, () -> mapper)
			.run((context) -> {
				assertThat(context.getBean(Serializer.class)).isSameAs(serializer);
				assertThat(context.getBean(RemoteExceptionMapper.class)).isSameAs(mapper);
			});
	}

	@Test
	void transportUrlWinsOverSpringRabbitmq() {
		String url = fakeUrl();
		this.runner.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class))
			.withPropertyValues("rpc.transport-url=" + url, "spring.rabbitmq.host=elsewhere")
			.run((context) -> assertThat(context.getBean(Transport.class).url().toString()).isEqualTo(url));
	}

	@Test
	void withoutTransportUrlTheUrlIsBuiltFromSpringBootsRabbitDefaults() {
		this.runner.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class))
			.withBean(Transport.class, () -> Transports.create(fakeUrl()))
			.run((context) -> assertThat(context.getBean(BrokerUrlSource.class).url().toUnmaskedString())
				.isEqualTo("rabbit://guest:guest@localhost:5672/"));
	}

	@Test
	void withoutTransportUrlTheUrlIsBuiltFromSpringRabbitmqProperties() {
		this.runner.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class))
			.withBean(Transport.class, () -> Transports.create(fakeUrl()))
			.withPropertyValues("spring.rabbitmq.addresses=r1:5673,r2:5674", "spring.rabbitmq.username=nova",
					"spring.rabbitmq.password=s3cret", "spring.rabbitmq.virtual-host=openstack",
					"spring.rabbitmq.ssl.enabled=true")
			.run((context) -> {
				BrokerUrlSource source = context.getBean(BrokerUrlSource.class);
				assertThat(source.url().toUnmaskedString())
					.isEqualTo("rabbit://nova:s3cret@r1:5673,nova:s3cret@r2:5674/openstack?ssl=1");
				assertThat(source.url().toString()).doesNotContain("s3cret");
			});
	}

	@Test
	void withoutSpringBootAmqpSpringRabbitmqIsReadFromTheEnvironment() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.amqp"))
			.withPropertyValues("rpc.transport-url=" + fakeUrl())
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BrokerUrlSource.class));
		MockEnvironment environment = new MockEnvironment().withProperty("spring.rabbitmq.host", "mq")
			.withProperty("spring.rabbitmq.port", "5670")
			.withProperty("spring.rabbitmq.password", "pw");
		assertThat(new EnvironmentBrokerUrlSource(environment).url().toUnmaskedString())
			.isEqualTo("rabbit://guest:pw@mq:5670/");
		assertThat(new EnvironmentBrokerUrlSource(new MockEnvironment()).url().toUnmaskedString())
			.isEqualTo("rabbit://guest:guest@localhost:5672/");
	}

	@Test
	void rabbitSettingsAreTranslatedToOsloOptionNames() {
		this.runner
			.withPropertyValues("rpc.transport-url=" + fakeUrl(), "rpc.rabbit.durable-queues=true",
					"rpc.rabbit.quorum-queues=true", "rpc.rabbit.transient-queues-ttl=10m", "rpc.rabbit.prefetch=50",
					"rpc.rabbit.heartbeat=30s", "rpc.rabbit.confirms=false", "rpc.rabbit.failover-strategy=shuffle",
					"rpc.rabbit.reply-retry-timeout=1500ms", "rpc.rabbit.pool-size=8",
					"rpc.rabbit.options.ssl_ca_file=/etc/ca.pem")
			.run((context) -> assertThat(((AbstractTransport) context.getBean(Transport.class)).settings().options())
				.containsEntry("amqp_durable_queues", "true")
				.containsEntry("rabbit_quorum_queue", "true")
				.containsEntry("rabbit_transient_queues_ttl", "600")
				.containsEntry("rabbit_qos_prefetch_count", "50")
				.containsEntry("heartbeat_timeout_threshold", "30")
				.containsEntry("confirm_publish", "false")
				.containsEntry("kombu_failover_strategy", "shuffle")
				.containsEntry("kombu_missing_consumer_retry_timeout", "1.5")
				.containsEntry("rpc_conn_pool_size", "8")
				.containsEntry("ssl_ca_file", "/etc/ca.pem"));
	}

	@Test
	void whenServerIsDisabledNoEndpointRegistryIsCreated() {
		this.runner.withPropertyValues("rpc.transport-url=" + fakeUrl(), "rpc.server.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RpcEndpointRegistry.class)
				.hasSingleBean(RpcClientFactory.class));
	}

	@Test
	void allowedRemoteExceptionsAreResolvedFromClassNames() {
		this.runner
			.withPropertyValues("rpc.transport-url=" + fakeUrl(),
					"rpc.allowed-remote-exceptions=java.lang.IllegalStateException,java.lang.IllegalArgumentException")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(RemoteExceptionMapper.class));
	}

}
