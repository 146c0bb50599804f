package io.oslo4j.rpc.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.NotificationLayout;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code kafka://} URL and the {@code [oslo_messaging_kafka]} options, without a
 * broker: oslo's defaults, the client settings they become, and a clear error for every
 * bad input.
 */
@Timeout(30)
class KafkaOptionsTest {

	private static KafkaOptions options(String url) {
		return KafkaOptions.of(TransportUrl.parse(url), TransportSettings.defaults());
	}

	private static KafkaClientConfig config(String url) {
		return new KafkaClientConfig(TransportUrl.parse(url), options(url));
	}

	@Test
	void defaultsAreOslos() {
		KafkaOptions options = options("kafka://k1:9092/");
		assertThat(options.maxFetchBytes()).isEqualTo(1048576);
		assertThat(options.consumerTimeout()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.consumerGroup()).isEqualTo("oslo_messaging_consumer");
		assertThat(options.producerBatchTimeout()).isEqualTo(Duration.ZERO);
		assertThat(options.producerBatchSize()).isEqualTo(16384);
		assertThat(options.compressionCodec()).isEqualTo("none");
		assertThat(options.enableAutoCommit()).isFalse();
		assertThat(options.maxPollRecords()).isEqualTo(500);
		assertThat(options.securityProtocol()).isEqualTo("PLAINTEXT");
		assertThat(options.saslMechanism()).isEqualTo("PLAIN");
		assertThat(options.commitAfterDispatch()).isFalse();
		Map<String, Object> consumer = config("kafka://k1:9092,[::1]:9093/").consumer("pool1");
		assertThat(consumer).containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "k1:9092,[::1]:9093")
			.containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "pool1")
			.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
			.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
			.containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500)
			.containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1048576);
		Map<String, Object> producer = config(
				"kafka://k1:9092/?producer_batch_timeout=0.25&compression_codec=zstd&producer_batch_size=1000")
			.producer();
		assertThat(producer).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 250L)
			.containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
			.containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 1000);
	}

	@Test
	void saslCredentialsComeFromTheFirstHost() {
		Map<String, Object> config = config(
				"kafka://alice:s%22cret@k1:9092,bob:x@k2:9092/?security_protocol=SASL_PLAINTEXT&sasl_mechanism=SCRAM-SHA-512")
			.admin();
		assertThat(config).containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
			.containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		assertThat((String) config.get(SaslConfigs.SASL_JAAS_CONFIG))
			.isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" "
					+ "password=\"s\\\"cret\";");
		assertThatThrownBy(() -> config("kafka://k1:9092/?security_protocol=SASL_SSL"))
			.isInstanceOf(InvalidTransportUrlException.class)
			.hasMessageContaining("needs SASL credentials");
	}

	@Test
	void tlsFilesBecomePemStores(@TempDir Path dir) throws Exception {
		Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nCA\n");
		Path cert = Files.writeString(dir.resolve("cert.pem"), "CERT");
		Path key = Files.writeString(dir.resolve("key.pem"), "KEY");
		Map<String, Object> config = config("kafka://k1:9093/?security_protocol=SSL&ssl_cafile=" + ca
				+ "&ssl_client_cert_file=" + cert + "&ssl_client_key_file=" + key + "&ssl_client_key_password=pw")
			.producer();
		assertThat(config).containsEntry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM")
			.containsEntry(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, "-----BEGIN CERTIFICATE-----\nCA\n")
			.containsEntry(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, "CERT")
			.containsEntry(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, "KEY")
			.containsEntry(SslConfigs.SSL_KEY_PASSWORD_CONFIG, "pw")
			.doesNotContainKey(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG);
		assertThatThrownBy(() -> config("kafka://k1:9093/?security_protocol=SSL&ssl_cafile=" + dir.resolve("no.pem")))
			.hasMessageContaining("cannot read ssl_cafile");
	}

	@Test
	void badInputGetsAnErrorNamingWhatToChange() {
		assertThatThrownBy(() -> config("kafka://k1/")).hasMessageContaining("has no port")
			.hasMessageContaining("kafka://k1:9092/");
		assertThatThrownBy(() -> options("kafka://k1:9092/?compression_codec=brotli"))
			.hasMessageContaining("compression_codec")
			.hasMessageContaining("[gzip, lz4, none, snappy, zstd]");
		assertThatThrownBy(() -> options("kafka://k1:9092/?rabbit_ha_queues=true"))
			.hasMessageContaining("no such option rabbit_ha_queues in group [oslo_messaging_kafka]");
		assertThatThrownBy(() -> options("kafka://k1:9092/?commit_after_dispatch=true&enable_auto_commit=true"))
			.hasMessageContaining("set only one");
		assertThatThrownBy(() -> options("kafka://k1:9092/?max_poll_records=0")).hasMessageContaining("at least 1");
		assertThatThrownBy(() -> options("kafka://u:topsecret@k1:9092/?security_protocol=TLS"))
			.hasMessageContaining("security_protocol")
			.hasMessageNotContaining("topsecret");
		// deprecated in 14.0.3 and unused: accepted
		assertThat(options("kafka://k1:9092/?pool_size=10&conn_pool_min_size=2&conn_pool_ttl=1200")).isNotNull();
	}

	@Test
	void rpcOverKafkaIsRefusedWithOslosMessage() {
		try (Transport transport = Transports.create("kafka://127.0.0.1:1/")) {
			assertThat(transport).isInstanceOf(KafkaTransport.class);
			assertThat(transport.notificationLayout()).isEqualTo(NotificationLayout.NESTED_CONTEXT);
			assertThatThrownBy(() -> transport.send(Target.topic("compute"), new byte[0], null))
				.isInstanceOf(UnsupportedOperationException.class)
				.hasMessageStartingWith("The RPC implementation for Kafka is not implemented")
				.hasMessageContaining("use a rabbit:// transport for RPC");
			assertThatThrownBy(() -> transport.listen(Target.topic("compute").withServer("h"), (m) -> {
			})).isInstanceOf(UnsupportedOperationException.class);
		}
	}

}
