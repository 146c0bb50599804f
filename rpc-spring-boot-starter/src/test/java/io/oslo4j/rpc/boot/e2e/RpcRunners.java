package io.oslo4j.rpc.boot.e2e;

import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.boot.autoconfigure.EnableRpcClients;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcContextSupplier;
import io.oslo4j.rpc.boot.e2e.client.InventoryClient;
import io.oslo4j.rpc.boot.health.RpcHealthContributorAutoConfiguration;
import io.oslo4j.rpc.boot.metrics.RpcMetricsAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Application contexts as a Boot application with the starter, Actuator health and
 * Micrometer gets them: a server context serving {@link InventoryEndpoint}, and a client
 * context with the {@link InventoryClient} proxy, both on one broker and topic.
 */
public final class RpcRunners {

	/** oslo4j's auto-configurations with Boot's observation and metrics support. */
	public static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(RpcAutoConfiguration.class,
			RpcHealthContributorAutoConfiguration.class, RpcMetricsAutoConfiguration.class,
			ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class);

	private RpcRunners() {
	}

	/**
	 * A context serving {@link InventoryEndpoint} on {@code topic.serverName}.
	 * @param url the transport URL
	 * @param topic the topic
	 * @param serverName the server name
	 * @return the runner
	 */
	public static ApplicationContextRunner server(String url, String topic, String serverName) {
		return new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withBean(InventoryEndpoint.class)
			.withPropertyValues("rpc.transport-url=" + url, "spring.application.name=" + topic,
					"rpc.server.name=" + serverName, "rpc.server.shutdown-timeout=20s");
	}

	/**
	 * A context with the {@link InventoryClient} proxy on {@code topic}, a context
	 * supplier ({@code request_id=req-42}) and {@link OutOfStockException} allow-listed.
	 * @param url the transport URL
	 * @param topic the topic
	 * @return the runner
	 */
	public static ApplicationContextRunner client(String url, String topic) {
		return new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withUserConfiguration(ClientConfiguration.class)
			.withPropertyValues("rpc.transport-url=" + url, "rpc.clients.inventory.topic=" + topic,
					"rpc.clients.inventory.timeout=10s", "rpc.server.enabled=false",
					"rpc.allowed-remote-exceptions=" + OutOfStockException.class.getName());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableRpcClients(basePackageClasses = InventoryClient.class)
	static class ClientConfiguration {

		@Bean
		RpcContextSupplier rpcContextSupplier() {
			return () -> RpcContext.of(Map.of("request_id", "req-42"));
		}

	}

}
