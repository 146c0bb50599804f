package io.oslo4j.rpc.boot.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.oslo4j.rpc.boot.test.FailureAnalyses;
import io.oslo4j.rpc.rabbit.RabbitOptions;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durations as oslo users write them: a number without unit is seconds for every
 * {@code rpc.*} duration, values sent as oslo's integer seconds refuse fractions of a
 * second naming the property, and the precedence of a setting's sources: URL query, then
 * a typed property the user set, then {@code rpc.rabbit.options.*}, then oslo's default.
 */
@Timeout(60)
class RpcDurationPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
		.withPropertyValues("rpc.server.enabled=false");

	private static String fakeUrl() {
		return "rpc.transport-url=fake:///" + MessageIds.next();
	}

	private static Map<String, String> options(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return ((AbstractTransport) context.getBean(Transport.class)).settings().options();
	}

	private static ApplicationContextRunner yaml(ApplicationContextRunner runner, String yaml) {
		return runner.withInitializer((context) -> {
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

	@Test
	void numbersWithoutUnitAreSecondsAsInOslo() {
		String yaml = """
				rpc:
				  transport-url: fake:///%s
				  response-timeout: 60
				  connect-timeout: 5
				  call-monitor-timeout: 30
				  rabbit:
				    heartbeat: 30
				    transient-queues-ttl: 1800
				    reply-retry-timeout: 45
				    reconnect-splay: 2
				  server:
				    shutdown-timeout: 20
				  clients:
				    compute:
				      timeout: 120
				      call-monitor-timeout: 15
				""".formatted(MessageIds.next());
		yaml(this.runner, yaml).run((context) -> {
			RpcProperties properties = context.getBean(RpcProperties.class);
			assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.getCallMonitorTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getServer().getShutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
			assertThat(properties.getClients().get("compute").getTimeout()).isEqualTo(Duration.ofMinutes(2));
			assertThat(properties.getClients().get("compute").getCallMonitorTimeout())
				.isEqualTo(Duration.ofSeconds(15));
			assertThat(options(context)).containsEntry("heartbeat_timeout_threshold", "30")
				.containsEntry("rabbit_transient_queues_ttl", "1800")
				.containsEntry("kombu_missing_consumer_retry_timeout", "45")
				.containsEntry("kombu_reconnect_splay", "2");
		});
	}

	@Test
	void unitsStillWork() {
		this.runner
			.withPropertyValues(fakeUrl(), "rpc.response-timeout=2m", "rpc.rabbit.heartbeat=1m",
					"rpc.rabbit.transient-queues-ttl=30m", "rpc.rabbit.reply-retry-timeout=1500ms")
			.run((context) -> {
				assertThat(context.getBean(RpcProperties.class).getResponseTimeout()).isEqualTo(Duration.ofMinutes(2));
				assertThat(options(context)).containsEntry("heartbeat_timeout_threshold", "60")
					.containsEntry("rabbit_transient_queues_ttl", "1800")
					.containsEntry("kombu_missing_consumer_retry_timeout", "1.5");
			});
	}

	@Test
	void aFractionOfASecondIsRefusedWhereOsloHasWholeSeconds() {
		assertRefused("rpc.rabbit.heartbeat=1500ms", "rpc.rabbit.heartbeat", "heartbeat_timeout_threshold",
				"rpc.rabbit.heartbeat=2");
		assertRefused("rpc.rabbit.transient-queues-ttl=500ms", "rpc.rabbit.transient-queues-ttl",
				"rabbit_transient_queues_ttl", "rpc.rabbit.transient-queues-ttl=1");
		assertRefused("rpc.call-monitor-timeout=2500ms", "rpc.call-monitor-timeout", "_timeout",
				"rpc.call-monitor-timeout=3");
		assertRefused("rpc.clients.compute.call-monitor-timeout=10100ms", "rpc.clients.compute.call-monitor-timeout",
				"_timeout", "rpc.clients.compute.call-monitor-timeout=10");
	}

	@Test
	void aNumberWithAFractionIsExplainedInTheUnitTheOptionHas() {
		this.runner.withPropertyValues(fakeUrl(), "rpc.rabbit.heartbeat=1.5").run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("rpc.rabbit.heartbeat")
				.contains("heartbeat_timeout_threshold");
			assertThat(analysis.getAction()).contains("rpc.rabbit.heartbeat=2");
		});
		this.runner.withPropertyValues(fakeUrl(), "rpc.response-timeout=0.5").run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getAction()).contains("rpc.response-timeout=500ms");
		});
	}

	@Test
	void aFractionOfASecondIsKeptWhereNothingIsTruncated() {
		this.runner
			.withPropertyValues(fakeUrl(), "rpc.response-timeout=500ms", "rpc.clients.compute.timeout=1500ms",
					"rpc.rabbit.heartbeat=0")
			.run((context) -> {
				RpcProperties properties = context.getBean(RpcProperties.class);
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofMillis(500));
				assertThat(properties.getClients().get("compute").getTimeout()).isEqualTo(Duration.ofMillis(1500));
				assertThat(options(context)).containsEntry("heartbeat_timeout_threshold", "0");
			});
	}

	@Test
	void theUrlQueryWinsThenTheTypedPropertyThenOptionsThenOslosDefault() {
		// port 1 refuses at once: the transport is made, nothing connects
		String url = "rpc.transport-url=rabbit://guest:guest@127.0.0.1:1/";
		this.runner
			.withPropertyValues(url + "?heartbeat_timeout_threshold=5", "rpc.connect-timeout=1",
					"rpc.rabbit.heartbeat=10", "rpc.rabbit.prefetch=20", "rpc.rabbit.options.kombu_reconnect_splay=3",
					"rpc.rabbit.options.rabbit_qos_prefetch_count=20")
			.run((context) -> {
				RabbitOptions effective = rabbitOptions(context);
				assertThat(effective.heartbeat()).as("URL query over typed property").isEqualTo(5);
				assertThat(effective.qosPrefetchCount()).as("typed property and option agreeing").isEqualTo(20);
				assertThat(effective.reconnectSplay()).as("option").isEqualTo(Duration.ofSeconds(3));
				assertThat(effective.transientQueuesTtl()).as("typed default = oslo default").isEqualTo(1800);
				assertThat(effective.retryInterval()).as("oslo default").isEqualTo(Duration.ofSeconds(1));
			});
		this.runner
			.withPropertyValues(url, "rpc.connect-timeout=1", "rpc.rabbit.options.heartbeat_timeout_threshold=15")
			.run((context) -> assertThat(rabbitOptions(context).heartbeat()).as("option over a typed default")
				.isEqualTo(15));
		this.runner
			.withPropertyValues(url + "?rabbit_qos_prefetch_count=7", "rpc.connect-timeout=1",
					"rpc.rabbit.options.rabbit_qos_prefetch_count=3")
			.run((context) -> assertThat(rabbitOptions(context).qosPrefetchCount()).as("URL query over option")
				.isEqualTo(7));
	}

	private static RabbitOptions rabbitOptions(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return ((RabbitTransport) context.getBean(Transport.class)).options();
	}

	private void assertRefused(String setting, String property, String option, String example) {
		this.runner.withPropertyValues(fakeUrl(), setting).run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(property)
				.contains("whole number of seconds")
				.contains(option);
			assertThat(analysis.getAction()).contains(example);
		});
	}

}
