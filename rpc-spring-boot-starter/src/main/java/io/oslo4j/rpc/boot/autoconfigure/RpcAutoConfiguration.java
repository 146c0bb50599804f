package io.oslo4j.rpc.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RemoteExceptionMapper;
import io.oslo4j.rpc.observation.RpcClientObservationConvention;
import io.oslo4j.rpc.observation.RpcServerObservationConvention;
import io.oslo4j.rpc.rabbit.RabbitConnectionFactoryCustomizer;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.OsloJson;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategy;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of oslo4j: a {@link Transport} (from {@code rpc.transport-url}, else
 * Spring Boot's RabbitMQ connection: its {@link RabbitConnectionDetails}, a service
 * connection's included, and {@link RabbitProperties}), the {@link RpcEndpointRegistry}
 * serving {@code @RpcEndpoint} beans, proxies for {@code @RpcClient} interfaces, and
 * masking of transport URLs in actuator endpoints, and the {@link WireCodec} and
 * {@link Serializer} that write payload properties as {@code rpc.naming.payloads} says.
 * Every SPI bean backs off when the application defines its own; customizer beans
 * ({@link RpcServerCustomizer}, {@link RpcClientCustomizer},
 * {@link io.oslo4j.rpc.rabbit.RabbitConnectionFactoryCustomizer}) and observation
 * convention beans ({@link RpcClientObservationConvention},
 * {@link RpcServerObservationConvention}) change what it makes.
 */
@AutoConfiguration(afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnClass(Transport.class)
@EnableConfigurationProperties({ RpcProperties.class, RabbitProperties.class })
@Import(AutoConfiguredRpcClientsRegistrar.class)
public final class RpcAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(Transport.class)
	static class TransportConfiguration {

		@Bean(destroyMethod = "close")
		Transport rpcTransport(RpcProperties properties, RabbitProperties rabbitProperties,
				ObjectProvider<RabbitConnectionDetails> connectionDetails, ObjectProvider<SslBundles> sslBundles,
				ResourceLoader resourceLoader, Environment environment,
				ObjectProvider<RabbitConnectionFactoryCustomizer> connectionFactoryCustomizers) {
			SslBundles bundles = sslBundles.getIfAvailable();
			Transport transport = RpcTransports.create(properties,
					() -> new SpringRabbitConnection(
							connectionDetails
								.getIfAvailable(() -> new PropertiesRabbitConnection(rabbitProperties, bundles)),
							rabbitProperties, resourceLoader),
					bundles, environment);
			return RpcConnectionFactoryCustomizers.apply(transport, connectionFactoryCustomizers);
		}

		@Bean
		RpcTransportConnector rpcTransportConnector(Transport rpcTransport, RpcProperties properties) {
			String source = (properties.getTransportUrl() != null) ? "rpc.transport-url" : "spring.rabbitmq.*";
			return new RpcTransportConnector(rpcTransport, "RPC broker", source, properties.getConnectTimeout(),
					properties.isFailFast());
		}

	}

	@Bean
	@ConditionalOnMissingBean(WireCodec.class)
	WireCodec rpcWireCodec(RpcProperties properties) {
		PropertyNamingStrategy naming = properties.getNaming().getPayloads().jackson();
		return (naming != null) ? new WireCodec(OsloJson.builder().propertyNamingStrategy(naming).build())
				: WireCodec.defaultCodec();
	}

	@Bean
	@ConditionalOnMissingBean(Serializer.class)
	Serializer rpcSerializer(WireCodec codec) {
		return (codec.mapper() == OsloJson.mapper()) ? JacksonSerializer.defaultSerializer()
				: new JacksonSerializer(codec.mapper());
	}

	@Bean
	@ConditionalOnMissingBean(RemoteExceptionMapper.class)
	RemoteExceptionMapper rpcRemoteExceptionMapper(RpcProperties properties) {
		RemoteExceptionMapper mapper = RemoteExceptionMapper.none();
		for (String name : properties.getAllowedRemoteExceptions()) {
			mapper = mapper.allow(AllowedRemoteExceptions.resolve(name.trim()));
		}
		return mapper;
	}

	@Bean
	@ConditionalOnMissingBean
	RpcClientFactory rpcClientFactory(Transport transport, RpcProperties properties, Serializer serializer,
			WireCodec codec, RemoteExceptionMapper exceptions, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<RpcContextSupplier> contexts, ObjectProvider<RpcClientObservationConvention> convention,
			ListableBeanFactory beanFactory) {
		PayloadNamingCheck.check(properties.getNaming(), beanFactory);
		ClientOptions options = ClientOptions.defaults()
			.withSerializer(serializer, codec)
			.withExceptions(exceptions)
			.withObservations(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
			.withObservationConvention(convention.getIfUnique());
		return new RpcClientFactory(transport, properties, options, contexts.getIfAvailable(() -> RpcContext::empty));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "rpc.server.enabled", matchIfMissing = true)
	RpcEndpointRegistry rpcEndpointRegistry(Transport transport, RpcProperties properties, Serializer serializer,
			WireCodec codec, ObjectProvider<ObservationRegistry> observations, Environment environment,
			BeanFactory beanFactory, ObjectProvider<TaskDecorator> taskDecorator,
			ObjectProvider<RpcServerObservationConvention> convention) {
		RpcServerProperties server = properties.getServer();
		RpcExecutors executors = new RpcExecutors(beanFactory, environment, taskDecorator.getIfUnique());
		RpcServerOptions options = RpcServerOptions.defaults()
			.withExecutorThreads(server.getExecutorThreads())
			.withAckMode(server.getAckMode())
			.withShutdownTimeout(server.getShutdownTimeout())
			.withSerializer(serializer, codec)
			.withObservations(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
			.withQueueCapacity(server.getQueueCapacity())
			.withDuplicateCacheSize(server.getDuplicateCacheSize())
			.withObservationConvention(convention.getIfUnique())
			.withTaskDecorator(executors.ownThreadsDecorator())
			.withExecutor(executors.executor("rpc.server.executor", server.getExecutor(), server.getExecutorThreads(),
					"rpc.server.executor-threads", "oslo4j-rpc-"));
		String topic = (server.getTopic() != null) ? server.getTopic()
				: environment.getProperty("spring.application.name");
		String name = server.effectiveName();
		return new RpcEndpointRegistry(transport, properties, options, topic, name);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SanitizingConfiguration {

		@Bean
		SanitizingFunction rpcTransportUrlSanitizer() {
			return new RpcTransportUrlSanitizer();
		}

	}

	/**
	 * Resolves {@code rpc.allowed-remote-exceptions}.
	 */
	static final class AllowedRemoteExceptions {

		private AllowedRemoteExceptions() {
		}

		@SuppressWarnings("unchecked")
		static Class<? extends RuntimeException> resolve(String name) {
			Class<?> type;
			try {
				type = ClassUtils.forName(name, AllowedRemoteExceptions.class.getClassLoader());
			}
			catch (ClassNotFoundException | LinkageError ex) {
				throw invalid(name, "class not found", ex);
			}
			if (!RuntimeException.class.isAssignableFrom(type)) {
				throw invalid(name, "not a RuntimeException", null);
			}
			try {
				type.getConstructor(String.class);
			}
			catch (NoSuchMethodException ex) {
				throw invalid(name, "has no public (String message) constructor", ex);
			}
			return (Class<? extends RuntimeException>) type;
		}

		private static RpcConfigurationException invalid(String name, String reason, @Nullable Throwable cause) {
			return new RpcConfigurationException("rpc.allowed-remote-exceptions", "'" + name + "': " + reason,
					"rpc.allowed-remote-exceptions=com.example.inventory.OutOfStockException", cause);
		}

	}

}
