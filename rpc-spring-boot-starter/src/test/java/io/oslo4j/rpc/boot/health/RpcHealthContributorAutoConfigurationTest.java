package io.oslo4j.rpc.boot.health;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RpcHealthContributorAutoConfiguration} and {@link RpcHealthIndicator}.
 */
@Timeout(60)
class RpcHealthContributorAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RpcAutoConfiguration.class, RpcHealthContributorAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake://nova:s3cret@localhost/" + MessageIds.next());

	@Test
	void theIndicatorIsRegisteredByDefaultAndIsUpWithMaskedDetails() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RpcHealthIndicator.class);
			Health health = context.getBean(RpcHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("driver", "fake")
				.containsEntry("controlExchange", "openstack");
			assertThat(health.getDetails().get("url")).asString().contains("nova:****@").doesNotContain("s3cret");
			assertThat(health.toString()).doesNotContain("s3cret");
		});
	}

	@Test
	void healthIsDownWithAReasonWhenTheTransportIsNotConnected() {
		this.runner.run((context) -> {
			context.getBean(Transport.class).close();
			Health health = context.getBean(RpcHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "not connected to the broker");
		});
	}

	@Test
	void theIndicatorIsSwitchedOffByManagementHealthRpcEnabled() {
		this.runner.withPropertyValues("management.health.rpc.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RpcHealthIndicator.class));
	}

	@Test
	void withoutSpringBootHealthThereIsNoIndicator() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RpcHealthIndicator.class));
	}

	@Test
	void withoutATransportThereIsNoIndicator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RpcHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RpcHealthIndicator.class));
	}

}
