package io.oslo4j.rpc.boot.notify;

import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcConnectionFactoryCustomizers;
import io.oslo4j.rpc.boot.autoconfigure.RpcExecutors;
import io.oslo4j.rpc.boot.autoconfigure.RpcProperties;
import io.oslo4j.rpc.boot.autoconfigure.RpcSslBundles;
import io.oslo4j.rpc.boot.autoconfigure.RpcTransportConnector;
import io.oslo4j.rpc.notify.NotificationListenerOptions;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.rabbit.RabbitConnectionFactoryCustomizer;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.wire.NotificationCodec;
import io.oslo4j.rpc.wire.OsloJson;
import io.oslo4j.rpc.wire.WireCodec;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;

/**
 * Auto-configuration of oslo notifications: the {@link Notifier} bean
 * ({@code rpc.notifications.*}), the {@link RpcNotificationTransport} it sends on (the
 * RPC transport, or one of its own for {@code rpc.notifications.transport-url}, closed
 * with the context) and the {@link RpcNotificationListenerRegistry} running
 * {@code @RpcNotificationListener} methods ({@code rpc.notifications.listener.enabled}).
 * With an {@link ObservationRegistry}, notifications are observed as
 * {@code rpc.notifications.sent} and {@code rpc.notifications.received}. Every bean backs
 * off when the application defines its own; {@link RpcNotifierCustomizer} and
 * {@link RpcNotificationListenerCustomizer} beans change the notifier and each listener.
 */
@AutoConfiguration(after = RpcAutoConfiguration.class)
@ConditionalOnClass(Notifier.class)
@ConditionalOnBean(Transport.class)
@EnableConfigurationProperties({ RpcNotificationProperties.class, RpcProperties.class })
public final class RpcNotificationAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	RpcNotificationTransport rpcNotificationTransport(Transport transport, RpcNotificationProperties properties,
			RpcProperties rpcProperties, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<RabbitConnectionFactoryCustomizer> connectionFactoryCustomizers) {
		TransportUrl url = properties.transportUrl();
		if (url == null) {
			return RpcNotificationTransport.shared(transport);
		}
		RpcNotificationTransport separate = RpcNotificationTransport.separate(url, transport,
				RpcSslBundles.context(rpcProperties.getRabbit(), sslBundles.getIfAvailable()),
				properties.getKafka().osloOptions());
		RpcConnectionFactoryCustomizers.apply(separate.transport(), connectionFactoryCustomizers);
		return separate;
	}

	@Bean
	@ConditionalOnProperty(name = "rpc.notifications.transport-url")
	RpcTransportConnector rpcNotificationTransportConnector(RpcNotificationTransport transport,
			RpcProperties rpcProperties) {
		return new RpcTransportConnector(transport.transport(), "notification broker",
				"rpc.notifications.transport-url", rpcProperties.getConnectTimeout(), false);
	}

	@Bean
	@ConditionalOnMissingBean(Notifier.class)
	Notifier rpcNotifier(RpcNotificationTransport transport, RpcNotificationProperties properties,
			RpcProperties rpcProperties, ObjectProvider<Serializer> serializer, ObjectProvider<WireCodec> codec,
			ObjectProvider<ObservationRegistry> observations, Environment environment,
			ObjectProvider<RpcNotifierCustomizer> customizers) {
		String publisherId = properties.getPublisherId();
		if (publisherId == null) {
			String application = environment.getProperty("spring.application.name");
			String server = rpcProperties.getServer().effectiveName();
			publisherId = (application != null && !application.isBlank()) ? application + "." + server : server;
		}
		Notifier notifier = new Notifier(transport.transport(), publisherId, properties.getDriver(),
				properties.getTopics(), serializer.getIfAvailable(JacksonSerializer::defaultSerializer),
				notificationCodec(codec))
			.withObservations(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
		for (RpcNotifierCustomizer customizer : customizers.orderedStream().toList()) {
			notifier = customizer.customize(notifier);
		}
		return notifier;
	}

	/**
	 * Payloads are written with the RPC codec's mapper, so rpc.naming.payloads applies.
	 */
	private static NotificationCodec notificationCodec(ObjectProvider<WireCodec> codec) {
		WireCodec rpcCodec = codec.getIfAvailable();
		return (rpcCodec != null && rpcCodec.mapper() != OsloJson.mapper()) ? new NotificationCodec(rpcCodec.mapper())
				: NotificationCodec.defaultCodec();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "rpc.notifications.listener.enabled", matchIfMissing = true)
	RpcNotificationListenerRegistry rpcNotificationListenerRegistry(RpcNotificationTransport transport,
			RpcNotificationProperties properties, RpcProperties rpcProperties, ObjectProvider<Serializer> serializer,
			ObjectProvider<ObservationRegistry> observations, BeanFactory beanFactory, Environment environment,
			ObjectProvider<TaskDecorator> taskDecorator) {
		RpcNotificationProperties.Listener listener = properties.getListener();
		RpcExecutors executors = new RpcExecutors(beanFactory, environment, taskDecorator.getIfUnique());
		NotificationListenerOptions options = NotificationListenerOptions.defaults()
			.withAllowRequeue(listener.isAllowRequeue())
			.withRequeueMalformed(listener.isRequeueMalformed())
			.withExecutorThreads(listener.getExecutorThreads())
			.withShutdownTimeout(listener.getShutdownTimeout())
			.withSerializer(serializer.getIfAvailable(JacksonSerializer::defaultSerializer))
			.withObservations(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
			.withTaskDecorator(executors.ownThreadsDecorator())
			.withExecutor(executors.executor("rpc.notifications.listener.executor", listener.getExecutor(),
					listener.getExecutorThreads(), "rpc.notifications.listener.executor-threads", "oslo4j-notify-"));
		return new RpcNotificationListenerRegistry(transport, options, properties.getTopics(),
				rpcProperties.isFailFast(), rpcProperties.getStartRetry());
	}

}
