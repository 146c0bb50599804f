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
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RpcAutoConfiguration}: defaults, back-off, property variants and switches
 * ({@code spring.rabbitmq.*}: {@link SpringRabbitConnectionTest}).
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
