package io.oslo4j.rpc.boot.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import io.micrometer.core.instrument.MeterRegistry;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.security.BrokerUser;
import io.oslo4j.rpc.security.LogCapture;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A whole Spring Boot application on RabbitMQ with a distinctive password (a broker user
 * made for the test), every log captured at DEBUG: it starts, serves a call, shows
 * {@code configprops}, {@code env} (values shown), {@code health} (details shown) and its
 * meters, and stops; then one with a wrong password fails to start (fail-fast). Neither
 * password appears in a log line, the startup failure, an endpoint or a meter.
 */
class CredentialLeakTest {

	@Test
	@Timeout(180)
	void thePasswordAppearsInNoLogEndpointHealthDetailOrMeter() throws Exception {
		String user = "oslo4j_boot_leak_" + id().substring(0, 8);
		String password = "BootPw" + id();
		String wrongPassword = "BootWrong" + id();
		String topic = "bootleak_" + id().substring(0, 8);
		String broker = TransportUrl.parse(TestBroker.url()).hosts().get(0).address();
		List<String> texts = new ArrayList<>();
		// Boot's logging system would reset logback, and the capture with it
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try (BrokerUser created = BrokerUser.create(user, password);
				LogCapture logs = LogCapture.atLevel(Level.DEBUG)) {
			try (ConfigurableApplicationContext context = application(user, password, broker, topic).run()) {
				Transport transport = context.getBean(Transport.class);
				RpcTemplate client = new RpcTemplate(transport, Target.topic(topic),
						ClientOptions.defaults().withTimeout(Duration.ofSeconds(20)));
				assertThat(client.call(RpcContext.empty(), "echo", Map.of("value", "hi"), String.class))
					.isEqualTo("hi");
				texts.add(String.valueOf(context.getBean(ConfigurationPropertiesReportEndpoint.class)
					.configurationProperties()
					.getContexts()));
				texts.add(String
					.valueOf(context.getBean(EnvironmentEndpoint.class).environment(null).getPropertySources()));
				texts.add(String.valueOf(context.getBean(HealthEndpoint.class).health()));
				context.getBean(MeterRegistry.class)
					.getMeters()
					.forEach((meter) -> texts.add(meter.getId().toString()));
				texts.add(transport.toString());
			}
			finally {
				BrokerQueues.delete(List.of(topic, topic + ".s1"));
			}
			Throwable failure = catchThrowable(() -> application(user, wrongPassword, broker, topic)
				.properties("rpc.fail-fast=true", "rpc.server.enabled=false")
				.run()
				.close());
			assertThat(failure).as("a wrong password fails startup").isNotNull();
			texts.add(stackTrace(failure));
			texts.add(logs.text());
			assertThat(logs.events()).as("the run was logged at DEBUG").hasSizeGreaterThan(200);
			System.out.printf("boot credentials: searched %d log lines and %d other texts (%d characters)%n",
					logs.events().size(), texts.size() - 1, String.join("", texts).length());
		}
		finally {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		}
		String all = String.join("\n", texts);
		assertThat(all).contains(user + ":****@").contains("APPLICATION FAILED TO START");
		for (String secret : List.of(password, wrongPassword)) {
			assertThat(all).as("texts holding a password").doesNotContain(secret);
		}
	}

	private static SpringApplicationBuilder application(String user, String password, String broker, String topic) {
		return new SpringApplicationBuilder(LeakApplication.class).web(WebApplicationType.NONE)
			.properties("rpc.transport-url=rabbit://" + user + ":" + password + "@" + broker + "/",
					"spring.application.name=" + topic, "rpc.server.name=s1",
					"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
					"management.endpoint.health.show-details=always", "management.endpoints.web.exposure.include=*",
					"spring.main.banner-mode=off", "debug=true");
	}

	private static String id() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String stackTrace(Throwable ex) {
		StringWriter out = new StringWriter();
		ex.printStackTrace(new PrintWriter(out));
		return out.toString();
	}

	/** The application: everything auto-configured, one endpoint. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(LeakEndpoint.class)
	static class LeakApplication {

	}

}
