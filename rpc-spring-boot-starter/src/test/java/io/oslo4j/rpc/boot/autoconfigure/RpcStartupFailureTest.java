package io.oslo4j.rpc.boot.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.oslo4j.rpc.boot.autoconfigure.scan.badmethod.BadFanoutClient;
import io.oslo4j.rpc.boot.autoconfigure.scan.badversion.BadVersionClient;
import io.oslo4j.rpc.boot.autoconfigure.scan.onclass.NotAnInterfaceClient;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bad configuration fails startup with a failure analysis naming the property and a valid
 * example, and never shows a password.
 */
@Timeout(60)
class RpcStartupFailureTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class));

	private FailureAnalysis analyzeConfigurationFailure(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(stackTrace(failure)).doesNotContain("s3cret");
			analysis[0] = new RpcConfigurationFailureAnalyzer().analyze(failure);
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	@Test
	void aMalformedTransportUrlIsReportedWithTheKeyAndAnExampleButNoPassword() {
		FailureAnalysis analysis = analyzeConfigurationFailure("rpc.transport-url=rabbit://nova:s3cret@host:notaport/");
		assertThat(analysis.getDescription()).contains("rpc.transport-url").contains("****").doesNotContain("s3cret");
		assertThat(analysis.getAction()).contains("rpc.transport-url=rabbit://");
	}

	@Test
	void anUnknownDriverIsReportedWithTheKey() {
		FailureAnalysis analysis = analyzeConfigurationFailure("rpc.transport-url=kafka://nova:s3cret@host/");
		assertThat(analysis.getDescription()).contains("rpc.transport-url").contains("kafka").doesNotContain("s3cret");
	}

	@Test
	void aNegativeTimeoutIsReportedWithAnExample() {
		FailureAnalysis analysis = analyzeConfigurationFailure("rpc.transport-url=fake:///" + MessageIds.next(),
				"rpc.response-timeout=-5s");
		assertThat(analysis.getDescription()).contains("rpc.response-timeout").contains("PT-5S");
		assertThat(analysis.getAction()).contains("rpc.response-timeout=60s");
	}

	@Test
	void aZeroConnectTimeoutIsReportedWithAnExample() {
		FailureAnalysis analysis = analyzeConfigurationFailure("rpc.transport-url=fake:///" + MessageIds.next(),
				"rpc.connect-timeout=0s");
		assertThat(analysis.getDescription()).contains("rpc.connect-timeout").contains("PT0S");
		assertThat(analysis.getAction()).contains("rpc.connect-timeout=10s");
	}

	@Test
	void aBadClientVersionIsReportedWithTheClientKey() {
		FailureAnalysis analysis = analyzeConfigurationFailure("rpc.transport-url=fake:///" + MessageIds.next(),
				"rpc.clients.compute.version=five");
		assertThat(analysis.getDescription()).contains("rpc.clients.compute.version").contains("five");
		assertThat(analysis.getAction()).contains("rpc.clients.compute.version=1.0");
	}

	@Test
	void aRetryBelowMinusOneIsReportedWithTheClientKey() {
		FailureAnalysis analysis = analyzeConfigurationFailure("rpc.transport-url=fake:///" + MessageIds.next(),
				"rpc.clients.compute.retry=-3");
		assertThat(analysis.getDescription()).contains("rpc.clients.compute.retry")
			.contains("-1 (until the message goes through), 0 (never) or a count of times, was -3");
		assertThat(analysis.getAction()).contains("rpc.clients.compute.retry=3");
	}

	@Test
	void anUnknownAllowedRemoteExceptionIsReported() {
		FailureAnalysis analysis = analyzeConfigurationFailure("rpc.transport-url=fake:///" + MessageIds.next(),
				"rpc.allowed-remote-exceptions=com.example.Missing");
		assertThat(analysis.getDescription()).contains("rpc.allowed-remote-exceptions").contains("com.example.Missing");
	}

	@Test
	void anInterfaceMistakeNamesTheInterfaceAndMethod() {
		FailureAnalysis analysis = analyzeDefinitionFailure(BadFanoutClients.class);
		assertThat(analysis.getDescription()).contains(BadFanoutClient.class.getName()).contains("refresh");
		assertThat(analysis.getAction()).contains("@RpcFanout");
	}

	@Test
	void rpcClientOnAClassIsRefused() {
		FailureAnalysis analysis = analyzeDefinitionFailure(OnClassClients.class);
		assertThat(analysis.getDescription()).contains(NotAnInterfaceClient.class.getName())
			.contains("@RpcClient can only be specified on an interface");
	}

	@Test
	void aBadVersionInTheAnnotationNamesTheInterface() {
		FailureAnalysis analysis = analyzeDefinitionFailure(BadVersionClients.class);
		assertThat(analysis.getDescription()).contains(BadVersionClient.class.getName()).contains("'one'");
	}

	@Test
	void aTransportUrlRefusedElsewhereIsAnalyzedWithItsMaskedUrl() {
		InvalidTransportUrlException failure = assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> TransportUrl.parse("rabbit://nova:s3cret@host:notaport/"))
			.actual();
		FailureAnalysis analysis = new InvalidTransportUrlFailureAnalyzer().analyze(new IllegalStateException(failure));
		assertThat(analysis.getDescription()).contains("****").doesNotContain("s3cret");
		assertThat(analysis.getAction()).contains("rpc.transport-url");
	}

	private FailureAnalysis analyzeDefinitionFailure(Class<?> configuration) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.runner.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next())
			.withUserConfiguration(configuration)
			.run((context) -> {
				assertThat(context).hasFailed();
				analysis[0] = new RpcDefinitionFailureAnalyzer().analyze(context.getStartupFailure());
			});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	private static String stackTrace(Throwable failure) {
		StringWriter writer = new StringWriter();
		failure.printStackTrace(new PrintWriter(writer));
		return writer.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableRpcClients(basePackageClasses = BadFanoutClient.class)
	static class BadFanoutClients {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableRpcClients(basePackageClasses = NotAnInterfaceClient.class)
	static class OnClassClients {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableRpcClients(basePackageClasses = BadVersionClient.class)
	static class BadVersionClients {

	}

}
