package io.oslo4j.rpc.boot.health;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
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
 * Registers {@link RpcHealthIndicator} as the {@code rpc} health contributor; switched
 * off with {@code management.health.rpc.enabled=false}.
 */
@AutoConfiguration(after = RpcAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Transport.class)
public final class RpcHealthContributorAutoConfiguration {

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

}
