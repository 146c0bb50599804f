package io.oslo4j.rpc.boot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.oslo4j.rpc.boot.notify.RpcNotificationTransport;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.amqp.metrics.RabbitMetrics;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;

/**
 * Binds amqp-client's connection meters ({@code rabbitmq.connections},
 * {@code rabbitmq.channels}, {@code rabbitmq.published}, {@code rabbitmq.consumed},
 * {@code rabbitmq.acknowledged}, {@code rabbitmq.rejected}, ...) of the RabbitMQ
 * transports oslo4j makes, through Spring Boot's {@link RabbitMetrics} binder, as Boot
 * does for the application's own Spring RabbitMQ connection factories. They are tagged
 * {@code name} = {@value #RPC_NAME} (the RPC transport) or {@value #NOTIFICATIONS_NAME}
 * (a notification transport of its own), where Boot tags its own with the connection
 * factory's bean name ({@code rabbit} for Boot's), so that both sets can be told apart.
 * The binder is set on the amqp-client factory as each transport bean is made, before it
 * connects.
 */
class RpcRabbitMetricsPostProcessor implements BeanPostProcessor, Ordered {

	/** The {@code name} tag of the RPC transport's connection meters. */
	static final String RPC_NAME = "oslo4j-rpc";

	/** The {@code name} tag of a separate notification transport's connection meters. */
	static final String NOTIFICATIONS_NAME = "oslo4j-notifications";

	private static final Logger logger = LoggerFactory.getLogger(RpcRabbitMetricsPostProcessor.class);

	private final ApplicationContext context;

	RpcRabbitMetricsPostProcessor(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RabbitTransport transport) {
			bind(transport, RPC_NAME);
		}
		else if (bean instanceof RpcNotificationTransport notifications && notifications.isSeparate()
				&& notifications.transport() instanceof RabbitTransport transport) {
			bind(transport, NOTIFICATIONS_NAME);
		}
		return bean;
	}

	private void bind(RabbitTransport transport, String name) {
		MeterRegistry registry = meterRegistry();
		if (registry == null) {
			return;
		}
		try {
			transport.customizeConnectionFactory(
					(factory) -> new RabbitMetrics(factory, Tags.of("name", name)).bindTo(registry));
		}
		catch (IllegalStateException ex) {
			// a transport bean the application connected itself
			logger.warn("No rabbitmq.* meters for {}: {}", transport.url(), ex.getMessage());
		}
	}

	private @Nullable MeterRegistry meterRegistry() {
		return this.context.getBeanProvider(MeterRegistry.class).getIfUnique();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
