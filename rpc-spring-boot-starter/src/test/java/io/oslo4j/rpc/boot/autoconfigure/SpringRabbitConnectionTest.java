package io.oslo4j.rpc.boot.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.boot.test.FailureAnalyses;
import io.oslo4j.rpc.rabbit.RabbitOptions;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code rpc.transport-url}, the transport goes where Spring Boot's own RabbitMQ
 * connection goes: {@code RabbitConnectionDetails} (Boot's, from
 * {@code spring.rabbitmq.*}, or the application's, as a service connection) and
 * {@code RabbitProperties}, every form of {@code addresses} included; the settings oslo
 * has options for reach the transport. Nothing connects while the context starts: the
 * brokers named here do not exist.
 */
@Timeout(60)
class SpringRabbitConnectionTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, RpcAutoConfiguration.class))
		.withPropertyValues("rpc.server.enabled=false");

	private static String url(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(Transport.class).url().toUnmaskedString();
	}

	private static Map<String, String> options(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return ((AbstractTransport) context.getBean(Transport.class)).settings().options();
	}

	private static RabbitOptions effective(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return ((RabbitTransport) context.getBean(Transport.class)).options();
	}

	@Test
	void bootsDefaultsAreLocalhostAsGuest() {
		this.runner.run((context) -> assertThat(url(context)).isEqualTo("rabbit://guest:guest@localhost:5672/"));
	}

	@Test
	void hostPortVirtualHostAndCredentials() {
		this.runner
			.withPropertyValues("spring.rabbitmq.host=mq.example.com", "spring.rabbitmq.port=5673",
					"spring.rabbitmq.username=nova", "spring.rabbitmq.password=s3cret",
					"spring.rabbitmq.virtual-host=openstack")
			.run((context) -> {
				assertThat(url(context)).isEqualTo("rabbit://nova:s3cret@mq.example.com:5673/openstack");
				assertThat(context.getBean(Transport.class).url().toString()).doesNotContain("s3cret");
			});
	}

	@Test
	void addressesAsACommaSeparatedList() {
		this.runner
			.withPropertyValues("spring.rabbitmq.addresses=r1:5673,r2:5674", "spring.rabbitmq.username=nova",
					"spring.rabbitmq.password=s3cret", "spring.rabbitmq.virtual-host=openstack")
			.run((context) -> assertThat(url(context))
				.isEqualTo("rabbit://nova:s3cret@r1:5673,nova:s3cret@r2:5674/openstack"));
	}

	@Test
	void addressesAsAYamlList() {
		yaml("""
				spring:
				  rabbitmq:
				    addresses:
				      - r1:5673
				      - r2
				    username: nova
				    password: s3cret
				""")
			.run((context) -> assertThat(url(context)).isEqualTo("rabbit://nova:s3cret@r1:5673,nova:s3cret@r2:5672/"));
	}

	@Test
	void addressesWithCredentialsAndVirtualHost() {
		this.runner.withPropertyValues("spring.rabbitmq.addresses=amqp://bob:secret@mq.example.com:5672/vh")
			.run((context) -> {
				assertThat(url(context)).isEqualTo("rabbit://bob:secret@mq.example.com:5672/vh");
				assertThat(context.getBean(Transport.class).url().toString()).doesNotContain("secret");
			});
	}

	@Test
	void amqpsAddressesTurnTlsOnWithItsDefaultPort() {
		this.runner.withPropertyValues("spring.rabbitmq.addresses=amqps://rabbit.example.com").run((context) -> {
			assertThat(url(context)).isEqualTo("rabbit://guest:guest@rabbit.example.com:5671/?ssl=1");
			assertThat(effective(context).ssl()).isTrue();
			assertThat(effective(context).sslVerify()).as("verified by default").isTrue();
			assertThat(effective(context).sslEnforceHostnameVerification()).isTrue();
		});
	}

	@Test
	void heartbeatConnectionTimeoutAndShuffleModeReachTheTransport() {
		this.runner
			.withPropertyValues("spring.rabbitmq.requested-heartbeat=30", "spring.rabbitmq.connection-timeout=5s",
					"spring.rabbitmq.address-shuffle-mode=random")
			.run((context) -> {
				assertThat(options(context)).containsEntry("heartbeat_timeout_threshold", "30")
					.containsEntry("connection_timeout", "5")
					.containsEntry("kombu_failover_strategy", "shuffle");
				RabbitOptions effective = effective(context);
				assertThat(effective.heartbeat()).isEqualTo(30);
				assertThat(effective.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(effective.shuffleHosts()).isTrue();
			});
		this.runner.withPropertyValues("spring.rabbitmq.address-shuffle-mode=inorder")
			.run((context) -> assertThat(options(context)).containsEntry("kombu_failover_strategy", "round-robin"));
	}

	@Test
	void tlsSettingsReachTheTransport() {
		this.runner
			.withPropertyValues("spring.rabbitmq.ssl.enabled=true", "spring.rabbitmq.ssl.verify-hostname=false",
					"spring.rabbitmq.ssl.algorithm=TLSv1.3")
			.run((context) -> {
				assertThat(url(context)).endsWith("?ssl=1");
				RabbitOptions effective = effective(context);
				assertThat(effective.sslEnforceHostnameVerification()).isFalse();
				assertThat(effective.sslVerify()).isTrue();
				assertThat(effective.sslVersion()).isEqualTo("TLSv1.3");
			});
		this.runner
			.withPropertyValues("spring.rabbitmq.ssl.enabled=true",
					"spring.rabbitmq.ssl.validate-server-certificate=false")
			.run((context) -> assertThat(effective(context).sslVerify()).isFalse());
	}

	@Test
	void aSpringSettingAndAnRpcSettingForTheSameOptionMustAgree() {
		this.runner.withPropertyValues("spring.rabbitmq.requested-heartbeat=30", "rpc.rabbit.heartbeat=60")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("rpc.rabbit.heartbeat")
					.contains("spring.rabbitmq.requested-heartbeat");
			});
		this.runner
			.withPropertyValues("spring.rabbitmq.requested-heartbeat=30",
					"rpc.rabbit.options.heartbeat_timeout_threshold=10")
			.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("spring.rabbitmq.requested-heartbeat")
				.contains("rpc.rabbit.options.heartbeat_timeout_threshold"));
		this.runner.withPropertyValues("spring.rabbitmq.requested-heartbeat=30", "rpc.rabbit.heartbeat=30s")
			.run((context) -> assertThat(effective(context).heartbeat()).isEqualTo(30));
	}

	@Test
	void anApplicationsConnectionDetailsAreHonoured() {
		RabbitConnectionDetails details = new RabbitConnectionDetails() {

			@Override
			public List<Address> getAddresses() {
				return List.of(new Address("container.example", 32771), new Address("replica.example", 32772));
			}

			@Override
			public String getUsername() {
				return "test";
			}

			@Override
			public String getPassword() {
				return "t3st";
			}

			@Override
			public String getVirtualHost() {
				return "ci";
			}

		};
		this.runner.withBean(RabbitConnectionDetails.class, () -> details)
			.withPropertyValues("spring.rabbitmq.host=ignored.example")
			.run((context) -> assertThat(url(context))
				.isEqualTo("rabbit://test:t3st@container.example:32771,test:t3st@replica.example:32772/ci"));
	}

	@Test
	void withoutBootsRabbitAutoConfigurationTheSamePropertiesAreRead() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
			.withPropertyValues("rpc.server.enabled=false", "spring.rabbitmq.addresses=amqps://bob:secret@mq:5999/vh",
					"spring.rabbitmq.requested-heartbeat=20")
			.run((context) -> {
				assertThat(url(context)).isEqualTo("rabbit://bob:secret@mq:5999/vh?ssl=1");
				assertThat(options(context)).containsEntry("heartbeat_timeout_threshold", "20");
			});
	}

	@Test
	void aTransportUrlIgnoresSpringRabbitmqEntirely() {
		String url = "fake:///" + MessageIds.next();
		this.runner
			.withPropertyValues("rpc.transport-url=" + url, "spring.rabbitmq.host=elsewhere",
					"spring.rabbitmq.requested-heartbeat=1500ms", "spring.rabbitmq.connection-timeout=5s")
			.run((context) -> {
				assertThat(url(context)).isEqualTo(url);
				assertThat(options(context)).doesNotContainKey("connection_timeout");
			});
	}

	@Test
	void aFractionOfASecondOfHeartbeatIsRefused() {
		this.runner.withPropertyValues("spring.rabbitmq.requested-heartbeat=1500ms")
			.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("spring.rabbitmq.requested-heartbeat")
				.contains("whole number of seconds"));
	}

	private ApplicationContextRunner yaml(String yaml) {
		return this.runner.withInitializer((context) -> {
			try {
				for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
						new ByteArrayResource(yaml.getBytes(), "application.yml"))) {
					context.getEnvironment().getPropertySources().addFirst(source);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
