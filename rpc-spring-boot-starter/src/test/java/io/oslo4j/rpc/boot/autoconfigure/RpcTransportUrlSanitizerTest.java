package io.oslo4j.rpc.boot.autoconfigure;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transport URL passwords are masked in /actuator/configprops and /actuator/env even when
 * values are shown.
 */
@Timeout(60)
class RpcTransportUrlSanitizerTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class));

	@Test
	void configpropsAndEnvShowTheTransportUrlWithAMaskedPassword() {
		String vhost = MessageIds.next();
		this.runner.withPropertyValues("rpc.transport-url=fake://nova:s3cret@localhost/" + vhost).run((context) -> {
			List<SanitizingFunction> functions = context.getBeanProvider(SanitizingFunction.class)
				.orderedStream()
				.toList();
			assertThat(functions).isNotEmpty();
			ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(functions,
					Show.ALWAYS);
			configprops.setApplicationContext(context);
			Map<String, Object> properties = configprops.configurationPropertiesWithPrefix("rpc")
				.getContexts()
				.values()
				.iterator()
				.next()
				.getBeans()
				.values()
				.iterator()
				.next()
				.getProperties();
			assertThat(properties.get("transportUrl")).isEqualTo("fake://nova:****@localhost/" + vhost);
			EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), functions, Show.ALWAYS);
			assertThat(String.valueOf(env.environmentEntry("rpc.transport-url").getProperty().getValue()))
				.isEqualTo("fake://nova:****@localhost/" + vhost);
		});
	}

	@Test
	void everySpellingOfTheKeyIsMasked() {
		assertThat(RpcTransportUrlSanitizer.isTransportUrlKey("rpc.transport-url")).isTrue();
		assertThat(RpcTransportUrlSanitizer.isTransportUrlKey("rpc.transport_url")).isTrue();
		assertThat(RpcTransportUrlSanitizer.isTransportUrlKey("RPC_TRANSPORT_URL")).isTrue();
		assertThat(RpcTransportUrlSanitizer.isTransportUrlKey("transportUrl")).isTrue();
		assertThat(RpcTransportUrlSanitizer.isTransportUrlKey("rpc.control-exchange")).isFalse();
	}

	@Test
	void aMalformedUrlIsStillMasked() {
		assertThat(RpcTransportUrlSanitizer.mask("rabbit://a:s3cret@h1:x,b:other@h2/")).doesNotContain("s3cret")
			.doesNotContain("other");
		assertThat(RpcTransportUrlSanitizer.mask("rabbit://a:s3cret@h1:5672/")).isEqualTo("rabbit://a:****@h1:5672/");
	}

}
