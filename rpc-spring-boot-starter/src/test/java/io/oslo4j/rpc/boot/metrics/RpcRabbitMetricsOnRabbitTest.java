package io.oslo4j.rpc.boot.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oslo4j.rpc.boot.actuate.RpcActuatorEndpoint;
import io.oslo4j.rpc.boot.actuate.RpcActuatorEndpointAutoConfiguration;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.notify.RpcNotificationAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.metrics.RabbitMetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On the RabbitMQ of {@code 127.0.0.1:5672} ({@code guest}/{@code guest}): amqp-client's
 * {@code rabbitmq.*} meters of oslo4j's transports, tagged apart from those of the
 * application's own Spring RabbitMQ connection factory, and the {@code rpc} endpoint's
 * RabbitMQ modes.
 */
@Timeout(120)
class RpcRabbitMetricsOnRabbitTest {

	private static final String BROKER = "rabbit://guest:guest@127.0.0.1:5672/";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, RpcAutoConfiguration.class,
				RpcNotificationAutoConfiguration.class, RpcMetricsAutoConfiguration.class,
				RpcActuatorEndpointAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				RabbitMetricsAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=" + BROKER, "management.endpoints.web.exposure.include=rpc");

	@Test
	void theTransportsConnectionsAreMeteredWithTheirOwnNameTag() {
		this.runner.withPropertyValues("rpc.notifications.transport-url=" + BROKER).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(
						() -> assertThat(connections(registry, RpcRabbitMetricsPostProcessor.RPC_NAME)).isNotNull()
							.satisfies((gauge) -> assertThat(gauge.value()).isGreaterThanOrEqualTo(1)));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(connections(registry, RpcRabbitMetricsPostProcessor.NOTIFICATIONS_NAME))
					.isNotNull()
					.satisfies((gauge) -> assertThat(gauge.value()).isGreaterThanOrEqualTo(1)));
			// Boot's own connection factory, not used here: metered apart, with no
			// connection
			Gauge boots = connections(registry, "rabbit");
			assertThat(boots).isNotNull();
			assertThat(boots.value()).isZero();
			assertThat(registry.find("rabbitmq.channels").tag("name", RpcRabbitMetricsPostProcessor.RPC_NAME).gauge())
				.isNotNull();
		});
	}

	@Test
	void theEndpointShowsTheRabbitModesInForce() {
		this.runner
			.withPropertyValues("rpc.transport-url=rabbit://guest:guest@127.0.0.1:5672/?rabbit_quorum_queue=true")
			.run((context) -> {
				RpcActuatorEndpoint endpoint = context.getBean(RpcActuatorEndpoint.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.rpc().transport().connected());
				RpcDescriptor rpc = endpoint.rpc();
				assertThat(rpc.transport().url())
					.isEqualTo("rabbit://guest:****@127.0.0.1:5672/?rabbit_quorum_queue=true");
				assertThat(rpc.transport().driver()).isEqualTo("rabbit");
				assertThat(rpc.transport().rabbit()).isNotNull().satisfies((rabbit) -> {
					assertThat(rabbit.quorumQueues()).isTrue();
					assertThat(rabbit.transientQuorumQueues()).isFalse();
					assertThat(rabbit.streamFanout()).isFalse();
					assertThat(rabbit.queueManager()).isFalse();
					assertThat(rabbit.confirmPublish()).isTrue();
				});
			});
	}

	private static Gauge connections(MeterRegistry registry, String name) {
		return registry.find("rabbitmq.connections").tag("name", name).gauge();
	}

}
