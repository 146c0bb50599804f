package io.oslo4j.rpc.boot.health;

import java.util.List;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.amqp.autoconfigure.health.RabbitHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's {@code rabbit} health indicator next to oslo4j: left out only when it
 * would check the default broker of {@code spring.rabbitmq.*} that nothing in the
 * application uses, because oslo4j's broker comes from {@code rpc.transport-url}.
 */
@Timeout(60)
class UnusedRabbitHealthFilterTest {

	private static final String BOOTS_INDICATOR = "rabbitHealthContributor";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RabbitAutoConfiguration.class, RabbitHealthContributorAutoConfiguration.class,
						RpcAutoConfiguration.class, RpcHealthContributorAutoConfiguration.class))
		.withPropertyValues("rpc.server.enabled=false");

	private final String fakeUrl = "rpc.transport-url=fake:///" + MessageIds.next();

	@Test
	void withTheBrokerFromRpcTransportUrlAndNoSpringAmqpOfTheApplicationBootsIndicatorIsLeftOut() {
		this.runner.withPropertyValues(this.fakeUrl).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(RpcHealthIndicator.class);
			assertThat(context).doesNotHaveBean(BOOTS_INDICATOR);
		});
		// relaxed spellings of the URL property count too
		this.runner.withPropertyValues("rpc.transport_url=fake:///" + MessageIds.next())
			.run((context) -> assertThat(context).doesNotHaveBean(BOOTS_INDICATOR));
	}

	@Test
	void managementHealthRabbitEnabledDecidesWhenSet() {
		this.runner.withPropertyValues(this.fakeUrl, "management.health.rabbit.enabled=true")
			.run((context) -> assertThat(context).hasBean(BOOTS_INDICATOR));
		this.runner.withPropertyValues("management.health.rabbit.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BOOTS_INDICATOR));
	}

	@Test
	void withoutRpcTransportUrlOsloUsesSpringRabbitmqSoBootsIndicatorStays() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().hasBean(BOOTS_INDICATOR));
	}

	@Test
	void whenTheApplicationConfiguresSpringRabbitmqBootsIndicatorStays() {
		this.runner.withPropertyValues(this.fakeUrl, "spring.rabbitmq.host=rabbit.example.com")
			.run((context) -> assertThat(context).hasBean(BOOTS_INDICATOR));
		this.runner.withPropertyValues(this.fakeUrl, "spring.rabbitmq.addresses[0]=rabbit.example.com")
			.run((context) -> assertThat(context).hasBean(BOOTS_INDICATOR));
	}

	@Test
	void whenTheApplicationHasAConnectionFactoryOrConnectionDetailsOfItsOwnBootsIndicatorStays() {
		this.runner.withPropertyValues(this.fakeUrl)
			.withUserConfiguration(OwnConnectionFactory.class)
			.run((context) -> assertThat(context).hasBean(BOOTS_INDICATOR));
		this.runner.withPropertyValues(this.fakeUrl)
			.withUserConfiguration(OwnConnectionDetails.class)
			.run((context) -> assertThat(context).hasBean(BOOTS_INDICATOR));
	}

	@Test
	void withoutSpringBootsRabbitHealthSupportNothingChanges() {
		this.runner.withPropertyValues(this.fakeUrl)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.amqp.health"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(RpcHealthIndicator.class)
				.doesNotHaveBean(UnusedRabbitHealthFilter.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConnectionFactory {

		@Bean
		ConnectionFactory connectionFactory() {
			return new CachingConnectionFactory("rabbit.example.com");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConnectionDetails {

		@Bean
		RabbitConnectionDetails rabbitConnectionDetails() {
			return new RabbitConnectionDetails() {

				@Override
				public List<Address> getAddresses() {
					return List.of(new Address("rabbit.example.com", 5672));
				}

			};
		}

	}

}
