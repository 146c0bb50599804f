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
 * {@link RabbitOptions}: oslo's names and defaults, URL query over settings, errors.
 */
class RabbitOptionsTests {

	@Test
	void defaultsAreOslo14s() {
		RabbitOptions options = RabbitOptions.defaults();
		assertThat(options.ssl()).isFalse();
		// upstream oslo 18.1's default, stricter than Debian 14.0.3's false
		assertThat(options.sslEnforceHostnameVerification()).isTrue();
		// oslo4j's own: TLS is verified unless ssl_verify=false is asked for
		assertThat(options.sslVerify()).isTrue();
		assertThat(options.heartbeat()).isEqualTo(60);
		assertThat(options.durable()).isFalse();
		assertThat(options.autoDelete()).isFalse();
		assertThat(options.transientQueuesTtl()).isEqualTo(1800);
		assertThat(options.qosPrefetchCount()).isZero();
		assertThat(options.missingConsumerRetryTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.shuffleHosts()).isFalse();
		assertThat(options.connectionPoolSize()).isEqualTo(30);
		assertThat(options.retryInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.retryBackoff()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.intervalMax()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.confirmPublish()).isTrue();
		assertThat(options.topicQueueArguments()).isEmpty();
		assertThat(options.transientQueueArguments()).containsExactly(Map.entry("x-expires", 1800000));
	}

	@Test
	void urlQueryOverridesSettings() {
		RabbitOptions options = parse("rabbit://h/?amqp_durable_queues=false&rabbit_qos_prefetch_count=7", Map
			.of("amqp_durable_queues", "true", "rabbit_qos_prefetch_count", "3", "heartbeat_timeout_threshold", "0"));
		assertThat(options.durableQueues()).isFalse();
		assertThat(options.qosPrefetchCount()).isEqualTo(7);
		assertThat(options.heartbeat()).isZero();
	}

	@Test
	void directReplyToIsOffByDefaultAndReadFromTheUrlOrTheSettings() {
		assertThat(RabbitOptions.defaults().directReplyTo()).isFalse();
		assertThat(parse("rabbit://h/?rabbit_direct_reply_to=true", Map.of()).directReplyTo()).isTrue();
		assertThat(parse("rabbit://h/", Map.of("rabbit_direct_reply_to", "true")).directReplyTo()).isTrue();
		assertThat(parse("rabbit://h/?rabbit_direct_reply_to=false", Map.of("rabbit_direct_reply_to", "true"))
			.directReplyTo()).isFalse();
	}

	@Test
	void booleansAndAliases() {
		assertThat(parse("rabbit://h/?ssl=1", Map.of()).ssl()).isTrue();
		assertThat(parse("rabbit://h/?rabbit_use_ssl=yes", Map.of()).ssl()).isTrue();
		assertThat(parse("rabbit://h/?ssl=no", Map.of("rabbit_use_ssl", "true")).ssl()).isFalse();
		assertThat(parse("rabbit://h/?amqp_auto_delete=TRUE", Map.of()).autoDelete()).isTrue();
		assertThat(parse("rabbit://h/?kombu_failover_strategy=shuffle", Map.of()).shuffleHosts()).isTrue();
		assertThat(parse("rabbit://h/?ssl_version=tlsv1_2", Map.of()).sslVersion()).isEqualTo("TLSv1.2");
		assertThat(parse("rabbit://h/?ssl_verify=false", Map.of()).sslVerify()).isFalse();
	}

	@Test
	void quorumAndHaArguments() {
		RabbitOptions quorum = parse("rabbit://h/?rabbit_quorum_queue=true&rabbit_quorum_delivery_limit=3"
				+ "&rabbit_quroum_max_memory_length=10&rabbit_quorum_max_memory_bytes=20", Map.of());
		assertThat(quorum.durable()).isTrue();
		assertThat(quorum.topicQueueArguments()).containsExactly(Map.entry("x-queue-type", "quorum"),
				Map.entry("x-delivery-limit", 3), Map.entry("x-max-in-memory-length", 10),
				Map.entry("x-max-in-memory-bytes", 20));
		assertThat(quorum.transientQueueArguments()).containsExactly(Map.entry("x-expires", 1800000));
		RabbitOptions ha = parse("rabbit://h/?rabbit_ha_queues=1&rabbit_transient_queues_ttl=5", Map.of());
		assertThat(ha.topicQueueArguments()).containsExactly(Map.entry("x-ha-policy", "all"));
		assertThat(ha.transientQueueArguments()).containsExactly(Map.entry("x-ha-policy", "all"),
				Map.entry("x-expires", 5000));
	}

	@Test
	void unknownOptionIsRefusedWithOslosWording() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://u:secret@h/?no_such=1", Map.of()))
			.withMessageContaining("no such option no_such in group [oslo_messaging_rabbit]")
			.withMessageNotContaining("secret");
	}

	@Test
	void badValuesNameTheOptionAndTheValue() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://u:secret@h/?rabbit_qos_prefetch_count=many", Map.of()))
			.withMessageContaining("rabbit_qos_prefetch_count")
			.withMessageContaining("'many'")
			.withMessageNotContaining("secret");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://h/?ssl=maybe", Map.of()))
			.withMessageContaining("ssl");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://h/?kombu_failover_strategy=random", Map.of()))
			.withMessageContaining("kombu_failover_strategy");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://h/?rpc_conn_pool_size=0", Map.of()))
			.withMessageContaining("rpc_conn_pool_size");
	}

	@Test
	void haAndQuorumTogetherAreRefused() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> parse("rabbit://h/?rabbit_ha_queues=1&rabbit_quorum_queue=1", Map.of()))
			.withMessageContaining("rabbit_ha_queues")
			.withMessageContaining("rabbit_quorum_queue");
	}

	@Test
	void ignoredOsloOptionsAreAccepted() {
		assertThat(parse("rabbit://h/?kombu_reconnect_delay=2&heartbeat_rate=3", Map.of())).isNotNull();
	}

	@Test
	void factorySupportsRabbitAndKombu() {
		RabbitTransportFactory factory = new RabbitTransportFactory();
		assertThat(factory.supports(TransportUrl.parse("kombu://h/").driver())).isTrue();
		assertThat(factory.supports("rabbit")).isTrue();
		assertThat(factory.supports("fake")).isFalse();
	}

	private static RabbitOptions parse(String url, Map<String, String> settings) {
		return RabbitOptions.of(TransportUrl.parse(url), TransportSettings.defaults().withOptions(settings));
	}

}
