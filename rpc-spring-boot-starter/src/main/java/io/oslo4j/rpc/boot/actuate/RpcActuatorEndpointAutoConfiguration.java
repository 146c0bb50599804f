package io.oslo4j.rpc.boot.actuate;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcClientFactory;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.notify.RpcNotificationAutoConfiguration;
import io.oslo4j.rpc.boot.notify.RpcNotificationListenerRegistry;
import io.oslo4j.rpc.boot.notify.RpcNotificationTransport;
import io.oslo4j.rpc.transport.Transport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code rpc} Actuator endpoint ({@link RpcActuatorEndpoint}) when Actuator
 * is present and the endpoint is available: like Spring Boot's own endpoints it is
 * enabled but not exposed on the web until
 * {@code management.endpoints.web.exposure.include} names it, and
 * {@code management.endpoint.rpc.access=none} removes it.
 */
@AutoConfiguration(after = { RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class })
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBean(Transport.class)
public final class RpcActuatorEndpointAutoConfiguration {

	/**
	 * Nested so that {@code @ConditionalOnAvailableEndpoint}, from
	 * spring-boot-actuator-autoconfigure, is only read once that module is known to be
	 * there.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(RpcActuatorEndpoint.class)
	static class RpcEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RpcActuatorEndpoint rpcActuatorEndpoint(Transport transport, ObjectProvider<RpcEndpointRegistry> servers,
				ObjectProvider<RpcClientFactory> clients, ObjectProvider<RpcNotificationListenerRegistry> listeners,
				ObjectProvider<RpcNotificationTransport> notificationTransport) {
			return new RpcActuatorEndpoint(transport, servers, clients, listeners, notificationTransport);
		}

	}

}
