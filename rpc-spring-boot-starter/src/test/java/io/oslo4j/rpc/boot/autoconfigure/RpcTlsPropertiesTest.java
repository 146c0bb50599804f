package io.oslo4j.rpc.boot.autoconfigure;

import java.nio.file.Path;
import java.util.Map;

import io.oslo4j.rpc.boot.test.FailureAnalyses;
import io.oslo4j.rpc.boot.test.TestPki;
import io.oslo4j.rpc.rabbit.RabbitOptions;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.Transport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rpc.rabbit.ssl.*} without a broker: the typed properties become oslo's options,
 * a bundle turns TLS on, and what cannot work together fails startup naming the
 * properties (RpcTlsOnRabbitTest connects).
 */
@Timeout(60)
class RpcTlsPropertiesTest {

	private static Path ca;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, RpcAutoConfiguration.class))
		.withPropertyValues("rpc.server.enabled=false", "rpc.transport-url=rabbit://guest:guest@127.0.0.1:1/");

	@BeforeAll
	static void makeCa(@TempDir Path directory) {
		ca = new TestPki(directory).ca("ca");
	}

	private static RabbitOptions effective(
			org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return ((RabbitTransport) context.getBean(Transport.class)).options();
	}

	private String describeFailure(String... properties) {
		String[] description = new String[1];
		this.runner.withPropertyValues(properties)
			.run((context) -> description[0] = FailureAnalyses.analyze(context.getStartupFailure()).getDescription());
		return description[0];
	}

	@Test
	void typedPropertiesBecomeOslosOptions() {
		this.runner
			.withPropertyValues("rpc.rabbit.ssl.enabled=true", "rpc.rabbit.ssl.verify-hostname=false",
					"rpc.rabbit.ssl.verify=true")
			.run((context) -> {
				Map<String, String> options = ((AbstractTransport) context.getBean(Transport.class)).settings()
					.options();
				assertThat(options).containsEntry("ssl", "true")
					.containsEntry("ssl_enforce_hostname_verification", "false")
					.containsEntry("ssl_verify", "true");
				assertThat(effective(context).ssl()).isTrue();
			});
		this.runner.run((context) -> assertThat(effective(context).ssl()).isFalse());
	}

	@Test
	void aBundleTurnsTlsOn() {
		this.runner
			.withPropertyValues("spring.ssl.bundle.pem.rabbit.truststore.certificate=" + ca,
					"rpc.rabbit.ssl.bundle=rabbit")
			.run((context) -> {
				assertThat(effective(context).ssl()).isTrue();
				assertThat(effective(context).sslVerify()).isTrue();
				// the bundle's context reaches the transport through its settings
				assertThat(((AbstractTransport) context.getBean(Transport.class)).settings().sslContext()).isNotNull();
			});
		this.runner
			.run((context) -> assertThat(((AbstractTransport) context.getBean(Transport.class)).settings().sslContext())
				.isNull());
	}

	@Test
	void aBundleAndOslosFileOptionsCannotBeCombined() {
		assertThat(describeFailure("spring.ssl.bundle.pem.rabbit.truststore.certificate=" + ca,
				"rpc.rabbit.ssl.bundle=rabbit", "rpc.rabbit.options.ssl_ca_file=" + ca))
			.contains("rpc.rabbit.ssl.bundle")
			.contains("rpc.rabbit.options.ssl_ca_file");
	}

	@Test
	void aBundleWithoutVerificationOrWithTlsOffIsRefused() {
		assertThat(describeFailure("spring.ssl.bundle.pem.rabbit.truststore.certificate=" + ca,
				"rpc.rabbit.ssl.bundle=rabbit", "rpc.rabbit.ssl.verify=false"))
			.contains("rpc.rabbit.ssl.bundle")
			.contains("ssl_verify=false");
		assertThat(describeFailure("spring.ssl.bundle.pem.rabbit.truststore.certificate=" + ca,
				"rpc.rabbit.ssl.bundle=rabbit", "rpc.rabbit.ssl.enabled=false"))
			.contains("rpc.rabbit.ssl.enabled")
			.contains("rpc.rabbit.ssl.bundle");
	}

	@Test
	void anUnknownBundleIsNamed() {
		assertThat(describeFailure("spring.ssl.bundle.pem.rabbit.truststore.certificate=" + ca,
				"rpc.rabbit.ssl.bundle=nope"))
			.contains("rpc.rabbit.ssl.bundle")
			.contains("'nope' is not an SSL bundle")
			.contains("[rabbit]");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
			.withPropertyValues("rpc.transport-url=rabbit://127.0.0.1:1/", "rpc.rabbit.ssl.bundle=rabbit")
			.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getDescription())
				.contains("rpc.rabbit.ssl.bundle")
				.contains("no SSL bundles"));
	}

}
