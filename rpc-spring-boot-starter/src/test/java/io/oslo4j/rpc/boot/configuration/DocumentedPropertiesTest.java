package io.oslo4j.rpc.boot.configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.health.RpcHealthContributorAutoConfiguration;
import io.oslo4j.rpc.boot.notify.RpcNotificationAutoConfiguration;
import io.oslo4j.rpc.boot.test.TestPki;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code rpc.*} (and {@code management.health.rpc*}) property of
 * docs/configuration.md and docs/configuration-precedence-and-tls.md, written as in
 * {@code application.yml} (bare numbers, units, lists, oslo spellings), changes what the
 * starter makes: one case per property, each with a value other than the default, so a
 * property that stops binding fails its case. A property documented without a case fails
 * {@link #everyDocumentedPropertyHasACase()}.
 */
@Timeout(60)
class DocumentedPropertiesTest {

	private static final Pattern DOCUMENTED = Pattern.compile("^\\| `((?:rpc|management\\.health)\\.[^`]+)`",
			Pattern.MULTILINE);

	private static Path ca = Path.of("unset");

	@BeforeAll
	static void makeCa(@TempDir Path directory) {
		ca = new TestPki(directory).ca("ca");
	}

	static List<PropertyCase> rpcCases() {
		return RpcPropertyCases.all();
	}

	static List<PropertyCase> rabbitCases() {
		return RabbitPropertyCases.all(ca);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rpcCases")
	void aPropertyChangesWhatTheStarterMakes(PropertyCase property) {
		assertThat(property.setsDocumentedName()).as("the YAML of %s sets it", property).isTrue();
		property
			.applyTo(new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class,
						RpcNotificationAutoConfiguration.class, RpcHealthContributorAutoConfiguration.class))
				.withBean(ConfigEndpoint.class)
				.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "spring.application.name=config"))
			.run(property.check());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rabbitCases")
	void aRabbitPropertyChangesTheTransportsOptions(PropertyCase property) {
		assertThat(property.setsDocumentedName()).as("the YAML of %s sets it", property).isTrue();
		property
			.applyTo(new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, RpcAutoConfiguration.class))
				.withPropertyValues("rpc.transport-url=rabbit://guest:guest@127.0.0.1:1/", "rpc.server.enabled=false"))
			.run(property.check());
	}

	@Test
	void everyDocumentedPropertyHasACase() throws IOException {
		Set<String> documented = new TreeSet<>();
		for (String page : List.of("configuration.md", "configuration-precedence-and-tls.md")) {
			Matcher matcher = DOCUMENTED.matcher(Files.readString(Path.of("..", "docs", page)));
			while (matcher.find()) {
				documented.add(matcher.group(1));
			}
		}
		Set<String> covered = new TreeSet<>();
		Stream.concat(rpcCases().stream(), rabbitCases().stream())
			.forEach((property) -> covered.add(property.documentedName()));
		assertThat(documented).hasSizeGreaterThan(50);
		assertThat(covered).containsAll(documented);
	}

}
