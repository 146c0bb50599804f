package io.oslo4j.rpc.boot.health;

import java.util.List;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.notify.RpcNotificationAutoConfiguration;
import io.oslo4j.rpc.boot.notify.RpcNotificationListenerRegistry;
import io.oslo4j.rpc.boot.notify.RpcNotificationTransport;
import io.oslo4j.rpc.transport.Transport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link RpcHealthIndicator} as the {@code rpc} health contributor, switched
 * off with {@code management.health.rpc.enabled=false}, and
 * {@link RpcNotificationsHealthIndicator} as the {@code rpcNotifications} one, switched
 * off with {@code management.health.rpc-notifications.enabled=false}; leaves out Spring
 * Boot's {@code rabbit} indicator when it would check a broker the application does not
 * use ({@link UnusedRabbitHealthFilter}).
 */
@AutoConfiguration(after = { RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class })
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Transport.class)
public final class RpcHealthContributorAutoConfiguration {

	/**
	 * Spring Boot's {@code rabbit} indicator, where {@code spring-boot-amqp} has it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.amqp.health.RabbitHealthIndicator")
	static class SpringRabbitHealthConfiguration {

		@Bean
		static UnusedRabbitHealthFilter unusedRabbitHealthFilter() {
			return new UnusedRabbitHealthFilter();
		}

	}

	/**
	 * Nested so that {@code @ConditionalOnEnabledHealthIndicator}, whose condition class
	 * lives in spring-boot-health, is only loaded once that module is known to be there.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("rpc")
	static class RpcHealthIndicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "rpcHealthIndicator")
		RpcHealthIndicator rpcHealthIndicator(Transport transport, ObjectProvider<RpcEndpointRegistry> registry) {
			return new RpcHealthIndicator(transport, registry.getIfAvailable());
		}

	}

	/**
	 * The notification listeners' health, where notifications are configured; nested for
	 * the same reason as the RPC one.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RpcNotificationTransport.class)
	@ConditionalOnEnabledHealthIndicator("rpc-notifications")
	static class RpcNotificationsHealthIndicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "rpcNotificationsHealthIndicator")
		RpcNotificationsHealthIndicator rpcNotificationsHealthIndicator(RpcNotificationTransport transport,
				ObjectProvider<RpcNotificationListenerRegistry> registry) {
			RpcNotificationListenerRegistry listeners = registry.getIfAvailable();
			if (listeners == null) {
				return new RpcNotificationsHealthIndicator(transport, List::of);
			}
			return new RpcNotificationsHealthIndicator(transport, listeners::listeners, listeners::startFailure);
		}

	}

}
