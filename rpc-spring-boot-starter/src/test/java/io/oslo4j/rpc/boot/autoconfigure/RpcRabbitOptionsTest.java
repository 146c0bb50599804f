package io.oslo4j.rpc.boot.autoconfigure;

import io.oslo4j.rpc.boot.test.FailureAnalyses;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@code rpc.rabbit.*} becomes the oslo options handed to the transport factory:
 * typed properties under their oslo names, {@code rpc.rabbit.options.*} never overwritten
 * by a typed default, conflicts between the two refused, the queue manager's process
 * name, and what stream fanout needs.
 */
@Timeout(60)
class RpcRabbitOptionsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "rpc.server.enabled=false");

	private static Map<String, String> transportOptions(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return ((AbstractTransport) context.getBean(Transport.class)).settings().options();
	}

	private FailureAnalysis analyzeFailure(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new RpcConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).as("failure analysis").isNotNull();
		return analysis[0];
	}

	@Test
	void newOptionsAreNotPassedWhenNotSet() {
		this.runner.run((context) -> assertThat(transportOptions(context))
			.doesNotContainKeys("rabbit_transient_quorum_queue", "rabbit_stream_fanout", "use_queue_manager",
					"hostname", "processname", "rabbit_quorum_delivery_limit", "rabbit_quorum_max_memory_length",
					"rabbit_quorum_max_memory_bytes", "kombu_reconnect_splay")
			.containsEntry("rabbit_qos_prefetch_count", "0")
			.containsEntry("amqp_durable_queues", "false"));
	}

	@Test
	void typedPropertiesReachTheTransportUnderTheirOsloNames() {
		this.runner
			.withPropertyValues("rpc.rabbit.quorum-queues=true", "rpc.rabbit.transient-quorum-queues=true",
					"rpc.rabbit.stream-fanout=true", "rpc.rabbit.prefetch=50", "rpc.rabbit.queue-manager.enabled=true",
					"rpc.rabbit.queue-manager.hostname=compute-1-nova",
					"rpc.rabbit.queue-manager.process-name=nova-compute", "rpc.rabbit.quorum-delivery-limit=5",
					"rpc.rabbit.quorum-max-memory-length=100", "rpc.rabbit.quorum-max-memory-bytes=64MB",
					"rpc.rabbit.reconnect-splay=500ms")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("rabbit_quorum_queue", "true")
				.containsEntry("rabbit_transient_quorum_queue", "true")
				.containsEntry("rabbit_stream_fanout", "true")
				.containsEntry("rabbit_qos_prefetch_count", "50")
				.containsEntry("use_queue_manager", "true")
				.containsEntry("hostname", "compute-1-nova")
				.containsEntry("processname", "nova-compute")
				.containsEntry("rabbit_quorum_delivery_limit", "5")
				.containsEntry("rabbit_quorum_max_memory_length", "100")
				.containsEntry("rabbit_quorum_max_memory_bytes", String.valueOf(64L * 1024 * 1024))
				.containsEntry("kombu_reconnect_splay", "0.5"));
	}

	@Test
	void aBareNumberIsSecondsForTheSplayAndBytesForTheMemoryLimit() {
		this.runner.withPropertyValues("rpc.rabbit.reconnect-splay=2", "rpc.rabbit.quorum-max-memory-bytes=1000")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("kombu_reconnect_splay", "2")
				.containsEntry("rabbit_quorum_max_memory_bytes", "1000"));
		this.runner.withPropertyValues("rpc.rabbit.reconnect-splay=250ms")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("kombu_reconnect_splay", "0.25"));
	}

	@Test
	void optionsAreNeverOverwrittenByTypedDefaults() {
		this.runner
			.withPropertyValues("rpc.rabbit.options.rabbit_qos_prefetch_count=10",
					"rpc.rabbit.options.amqp_durable_queues=true", "rpc.rabbit.options.heartbeat_timeout_threshold=30",
					"rpc.rabbit.options.kombu_failover_strategy=shuffle")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("rabbit_qos_prefetch_count", "10")
				.containsEntry("amqp_durable_queues", "true")
				.containsEntry("heartbeat_timeout_threshold", "30")
				.containsEntry("kombu_failover_strategy", "shuffle")
				.containsEntry("rabbit_quorum_queue", "false"));
	}

	@Test
	void aTypedPropertyAndAnOptionWithTheSameValueAgree() {
		this.runner
			.withPropertyValues("rpc.rabbit.prefetch=10", "rpc.rabbit.options.rabbit_qos_prefetch_count=10",
					"rpc.rabbit.durable-queues=true", "rpc.rabbit.options.amqp_durable_queues=yes",
					"rpc.rabbit.heartbeat=60s", "rpc.rabbit.options.heartbeat_timeout_threshold=60.0",
					"rpc.rabbit.queue-manager.enabled=true", "rpc.rabbit.options.use_queue_manager=1")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("rabbit_qos_prefetch_count", "10")
				.containsEntry("amqp_durable_queues", "yes")
				.containsEntry("use_queue_manager", "1"));
	}

	@Test
	void aTypedPropertyAndAnOptionWithDifferentValuesFailStartupNamingBoth() {
		FailureAnalysis analysis = analyzeFailure("rpc.rabbit.prefetch=10",
				"rpc.rabbit.options.rabbit_qos_prefetch_count=20");
		assertThat(analysis.getDescription()).contains("rpc.rabbit.prefetch")
			.contains("rpc.rabbit.options.rabbit_qos_prefetch_count")
			.contains("rabbit_qos_prefetch_count=10")
			.contains("(20)");
		assertThat(analysis.getAction()).contains("rpc.rabbit.prefetch=10")
			.contains("remove rpc.rabbit.options.rabbit_qos_prefetch_count");
	}

	@Test
	void aConflictIsFoundWhateverFormTheTypedPropertyWasSetIn() {
		this.runner
			.withInitializer(
					(context) -> context.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("RPC_RABBIT_PREFETCH", "5"))))
			.withPropertyValues("rpc.rabbit.options.rabbit_qos_prefetch_count=20")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(RpcConfigurationException.class)
				.hasMessageContaining("rpc.rabbit.prefetch"));
	}

	@Test
	void aNewTypedPropertyConflictsWithItsOsloNameAndItsOldMisspeltAlias() {
		assertThat(analyzeFailure("rpc.rabbit.transient-quorum-queues=true",
				"rpc.rabbit.options.rabbit_transient_quorum_queue=false")
			.getDescription()).contains("rpc.rabbit.transient-quorum-queues")
			.contains("rpc.rabbit.options.rabbit_transient_quorum_queue");
		assertThat(analyzeFailure("rpc.rabbit.quorum-max-memory-length=100",
				"rpc.rabbit.options.rabbit_quroum_max_memory_length=200")
			.getDescription()).contains("rpc.rabbit.quorum-max-memory-length")
			.contains("rpc.rabbit.options.rabbit_quroum_max_memory_length");
	}

	@Test
	void withTheQueueManagerOnTheProcessNameIsTheApplicationName() {
		this.runner.withPropertyValues("rpc.rabbit.queue-manager.enabled=true", "spring.application.name=nova-api")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("processname", "nova-api")
				.doesNotContainKey("hostname"));
		this.runner.withPropertyValues("rpc.rabbit.options.use_queue_manager=true", "spring.application.name=nova-api")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("processname", "nova-api"));
		this.runner
			.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next() + "?use_queue_manager=true",
					"spring.application.name=nova-api")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("processname", "nova-api"));
	}

	@Test
	void anExplicitProcessNameWinsOverTheApplicationName() {
		this.runner
			.withPropertyValues("rpc.rabbit.queue-manager.enabled=true",
					"rpc.rabbit.queue-manager.process-name=nova-metadata", "spring.application.name=nova-api")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("processname", "nova-metadata"));
		this.runner
			.withPropertyValues("rpc.rabbit.queue-manager.enabled=true", "rpc.rabbit.options.processname=nova-metadata",
					"spring.application.name=nova-api")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("processname", "nova-metadata"));
	}

	@Test
	void withoutTheQueueManagerOrAnApplicationNameNoProcessNameIsPassed() {
		this.runner.withPropertyValues("spring.application.name=nova-api")
			.run((context) -> assertThat(transportOptions(context)).doesNotContainKey("processname"));
		this.runner.withPropertyValues("rpc.rabbit.queue-manager.enabled=true")
			.run((context) -> assertThat(transportOptions(context)).doesNotContainKey("processname"));
	}

	@Test
	void streamFanoutWithoutTransientQuorumQueuesFailsStartupNamingTheProperty() {
		FailureAnalysis analysis = analyzeFailure("rpc.rabbit.stream-fanout=true", "rpc.rabbit.prefetch=1");
		assertThat(analysis.getDescription()).contains("rpc.rabbit.stream-fanout")
			.contains("rabbit_transient_quorum_queue");
		assertThat(analysis.getAction()).contains("rpc.rabbit.transient-quorum-queues=true");
	}

	@Test
	void streamFanoutWithoutPrefetchFailsStartupNamingThePrefetch() {
		FailureAnalysis analysis = analyzeFailure("rpc.rabbit.stream-fanout=true",
				"rpc.rabbit.transient-quorum-queues=true");
		assertThat(analysis.getDescription()).contains("rpc.rabbit.prefetch").contains("greater than 0, was 0");
		assertThat(analysis.getAction()).contains("rpc.rabbit.prefetch=1");
	}

	@Test
	void streamFanoutSetThroughOptionsAndTheUrlIsCheckedToo() {
		this.runner
			.withPropertyValues(
					"rpc.transport-url=fake:///" + MessageIds.next()
							+ "?rabbit_stream_fanout=true&rabbit_transient_quorum_queue=true",
					"rpc.rabbit.options.rabbit_qos_prefetch_count=1")
			.run((context) -> assertThat(transportOptions(context)).containsEntry("rabbit_qos_prefetch_count", "1"));
		assertThat(analyzeFailure("rpc.rabbit.options.rabbit_stream_fanout=true",
				"rpc.rabbit.options.rabbit_qos_prefetch_count=1")
			.getDescription()).contains("rpc.rabbit.stream-fanout");
	}

	@Test
	void badValuesOfTheNewPropertiesAreReportedWithAnExample() {
		FailureAnalysis splay = analyzeFailure("rpc.rabbit.reconnect-splay=-1");
		assertThat(splay.getDescription()).contains("rpc.rabbit.reconnect-splay").contains("PT-1S");
		assertThat(splay.getAction()).contains("rpc.rabbit.reconnect-splay=500ms");
		assertThat(analyzeFailure("rpc.rabbit.quorum-delivery-limit=-1").getDescription())
			.contains("rpc.rabbit.quorum-delivery-limit")
			.contains("at least 0");
		assertThat(analyzeFailure("rpc.rabbit.queue-manager.hostname= ").getDescription())
			.contains("rpc.rabbit.queue-manager.hostname")
			.contains("blank");
	}

	@Test
	void aSplayWithAFractionIsExplainedWithTheValueInMilliseconds() {
		this.runner.withPropertyValues("rpc.rabbit.reconnect-splay=0.5").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("rpc.rabbit.reconnect-splay").contains("\"0.5\"");
			assertThat(analysis.getAction()).contains("rpc.rabbit.reconnect-splay=500ms");
		});
		this.runner.withPropertyValues("rpc.rabbit.reconnect-splay=1.25s")
			.run((context) -> assertThat(FailureAnalyses.analyze(context.getStartupFailure()).getAction())
				.contains("rpc.rabbit.reconnect-splay=1250ms"));
	}

	@Test
	void valuesAreComparedAsOsloReadsThem() {
		assertThat(OsloOptionMerger.sameValue("true", "Yes")).isTrue();
		assertThat(OsloOptionMerger.sameValue("true", "1")).isTrue();
		assertThat(OsloOptionMerger.sameValue("false", "off")).isTrue();
		assertThat(OsloOptionMerger.sameValue("60", "60.0")).isTrue();
		assertThat(OsloOptionMerger.sameValue("1.5", " 1.50 ")).isTrue();
		assertThat(OsloOptionMerger.sameValue("true", "0")).isFalse();
		assertThat(OsloOptionMerger.sameValue("10", "20")).isFalse();
		assertThat(OsloOptionMerger.sameValue("round-robin", "shuffle")).isFalse();
	}

	@Test
	void toOsloOptionsPassesOnlyWhatIsSetAndKeepsOptions() {
		RpcRabbitProperties rabbit = new RpcRabbitProperties();
		rabbit.getOptions().put("rabbit_qos_prefetch_count", "7");
		rabbit.setStreamFanout(true);
		Map<String, String> options = RabbitOsloOptions.of(rabbit, (name) -> false, List.of());
		assertThat(options).containsEntry("rabbit_qos_prefetch_count", "7")
			.containsEntry("rabbit_stream_fanout", "true")
			.containsEntry("rabbit_transient_queues_ttl", "1800")
			.containsEntry("kombu_missing_consumer_retry_timeout", "60")
			.doesNotContainKey("rabbit_transient_quorum_queue");
		assertThatExceptionOfType(RpcConfigurationException.class)
			.as("prefetch 0 set by the user disagrees with options' 7")
			.isThrownBy(() -> RabbitOsloOptions.of(rabbit, "rpc.rabbit.prefetch"::equals, List.of()))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("rpc.rabbit.prefetch"));
	}

}
