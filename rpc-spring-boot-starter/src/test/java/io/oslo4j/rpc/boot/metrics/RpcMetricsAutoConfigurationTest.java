package io.oslo4j.rpc.boot.metrics;

import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RpcMetricsAutoConfiguration}: the late replies and delivery limit counters.
 */
@Timeout(60)
class RpcMetricsAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcMetricsAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next());

	@Test
	void lateRepliesAreCountedInBootsMeterRegistry() {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				FunctionCounter counter = context.getBean(MeterRegistry.class)
					.find(RpcMetricsAutoConfiguration.LATE_REPLIES)
					.functionCounter();
				assertThat(counter).isNotNull();
				assertThat(counter.count()).isZero();
			});
	}

	@Test
	void onRabbitMqLastDeliveriesReplyQueueRepairsAndLostFanoutStreamsAreCounted() {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.withPropertyValues("rpc.transport-url=rabbit://guest:guest@127.0.0.1:5672/")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				for (String name : List.of(RpcMetricsAutoConfiguration.DELIVERY_LIMIT_REACHED,
						RpcMetricsAutoConfiguration.REPLY_QUEUE_REPAIRS,
						RpcMetricsAutoConfiguration.FANOUT_STREAMS_LOST)) {
					FunctionCounter counter = registry.find(name).functionCounter();
					assertThat(counter).as(name).isNotNull();
					assertThat(counter.count()).as(name).isZero();
				}
			});
	}

	@Test
	void onOtherTransportsThereIsNoDeliveryLimitCounter() {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(MeterRegistry.class)
				.find(RpcMetricsAutoConfiguration.DELIVERY_LIMIT_REACHED)
				.functionCounter()).isNull());
	}

	@Test
	void withoutMicrometerThereIsNoBinder() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MeterBinder.class));
	}

}
