package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.Map;

import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The options of oslo.messaging 14.7+ in {@link RabbitOptions}: names, defaults,
 * arguments they give, and oslo's configuration errors.
 */
class RabbitModeOptionsTests {

	@Test
	void newOptionsDefaultToOslosDefaultMode() {
		RabbitOptions options = RabbitOptions.defaults();
		assertThat(options.transientQuorumQueue()).isFalse();
		assertThat(options.streamFanout()).isFalse();
		assertThat(options.useQueueManager()).isFalse();
		assertThat(options.hostname()).isNotBlank();
		assertThat(options.processname()).isNotBlank();
		assertThat(options.reconnectSplay()).isZero();
		assertThat(options.transientDurable()).isFalse();
	}

	@Test
	void kollaAnsible2025ModeFromTheUrlQuery() {
		RabbitOptions options = parse(
				"rabbit://h/?rabbit_quorum_queue=true&rabbit_transient_quorum_queue=true"
						+ "&use_queue_manager=true&rabbit_stream_fanout=true&rabbit_qos_prefetch_count=1"
						+ "&hostname=node1.example.com&processname=nova-api&kombu_reconnect_splay=2.5&heartbeat_rate=3",
				Map.of());
		assertThat(options.transientDurable()).isTrue();
		assertThat(options.streamFanout()).isTrue();
		assertThat(options.useQueueManager()).isTrue();
		assertThat(options.hostname()).isEqualTo("node1.example.com");
		assertThat(options.processname()).isEqualTo("nova-api");
		assertThat(options.reconnectSplay()).isEqualTo(Duration.ofMillis(2500));
		assertThat(options.transientQueueArguments()).containsExactly(Map.entry("x-queue-type", "quorum"),
				Map.entry("x-expires", 1800000));
		assertThat(options.streamArguments()).containsExactly(Map.entry("x-queue-type", "stream"),
				Map.entry("x-max-age", "1800s"));
	}

	@Test
	void quorumLimitsApplyToTransientQuorumQueuesAndTtlZeroDropsExpiryAndAge() {
		RabbitOptions options = parse("rabbit://h/?rabbit_transient_quorum_queue=1&rabbit_quorum_delivery_limit=3"
				+ "&rabbit_quorum_max_memory_length=50&rabbit_quroum_max_memory_bytes=7&rabbit_transient_queues_ttl=0",
				Map.of());
		assertThat(options.transientQueueArguments()).containsExactly(Map.entry("x-queue-type", "quorum"),
				Map.entry("x-delivery-limit", 3), Map.entry("x-max-in-memory-length", 50),
				Map.entry("x-max-in-memory-bytes", 7));
		assertThat(options.topicQueueArguments()).isEmpty();
		assertThat(options.streamArguments()).containsExactly(Map.entry("x-queue-type", "stream"));
	}

	@Test
	void streamFanoutNeedsTransientQuorumQueuesAndAPrefetch() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://h/?rabbit_stream_fanout=true&rabbit_qos_prefetch_count=1", Map.of()))
			.withMessageContaining("rabbit_stream_fanout needs rabbit_transient_quorum_queue to be set to true");
		assertThatExceptionOfType(InvalidTransportUrlException.class).isThrownBy(
				() -> parse("rabbit://h/?rabbit_stream_fanout=true", Map.of("rabbit_transient_quorum_queue", "true")))
			.withMessageContaining("rabbit_stream_fanout needs rabbit_qos_prefetch_count to be set to a value greater");
	}

	@Test
	void haQueuesCannotBeCombinedWithEitherQuorumMode() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://h/?rabbit_ha_queues=true&rabbit_transient_quorum_queue=true", Map.of()))
			.withMessageContaining("rabbit_ha_queues cannot be combined with rabbit_transient_quorum_queue");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://h/?rabbit_ha_queues=true&rabbit_quorum_queue=true", Map.of()))
			.withMessageContaining("rabbit_ha_queues cannot be combined with rabbit_quorum_queue");
	}

	@Test
	void badValuesNameTheOption() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://h/?kombu_reconnect_splay=-1", Map.of()))
			.withMessageContaining("kombu_reconnect_splay");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://h/?use_queue_manager=maybe", Map.of()))
			.withMessageContaining("use_queue_manager")
			.withMessageContaining("expected a boolean");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://h/?heartbeat_rate=often", Map.of()))
			.withMessageContaining("heartbeat_rate");
	}

	@Test
	void programNameOfAJarOrAMainClass() {
		assertThat(ProcessNames.fromCommand("/srv/inventory-service.jar --server.port=0"))
			.isEqualTo("inventory-service");
		assertThat(ProcessNames.fromCommand("com.example.InventoryApplication arg")).isEqualTo("InventoryApplication");
		assertThat(ProcessNames.fromCommand("")).isEqualTo("java");
	}

	private static RabbitOptions parse(String url, Map<String, String> options) {
		return RabbitOptions.of(TransportUrl.parse(url), TransportSettings.defaults().withOptions(options));
	}

}
