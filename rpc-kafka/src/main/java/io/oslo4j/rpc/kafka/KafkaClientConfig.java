package io.oslo4j.rpc.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.TransportUrl;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * Maps a {@code kafka://} URL and its {@link KafkaOptions} onto the Kafka client's
 * configuration, as oslo maps them onto librdkafka's: {@code bootstrap.servers} from the
 * hosts, SASL credentials from the first host, the TLS files, and oslo's consumer and
 * producer settings. Unlike oslo, a host without a port is refused (oslo sends
 * {@code host:None}); TLS verifies the broker's host name.
 */
final class KafkaClientConfig {

	private final Map<String, Object> common;

	private final KafkaOptions options;

	KafkaClientConfig(TransportUrl url, KafkaOptions options) {
		this.options = options;
		this.common = common(url, options);
	}

	private static Map<String, Object> common(TransportUrl url, KafkaOptions options) {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(url));
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, options.securityProtocol());
		if (options.sasl()) {
			TransportUrl.Host first = url.hosts().get(0);
			if (first.username() == null || first.password() == null) {
				throw new InvalidTransportUrlException(url.toString(), "security_protocol=" + options.securityProtocol()
						+ " needs SASL credentials: write them on the first host, kafka://user:password@host:9092/");
			}
			config.put(SaslConfigs.SASL_MECHANISM, options.saslMechanism());
			String module = options.saslMechanism().equals("PLAIN")
					? "org.apache.kafka.common.security.plain.PlainLoginModule"
					: "org.apache.kafka.common.security.scram.ScramLoginModule";
			config.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + jaas(first.username())
					+ "\" password=\"" + jaas(first.password()) + "\";");
		}
		if (options.tls()) {
			if (options.sslCafile() != null) {
				config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
				config.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, read(url, "ssl_cafile", options.sslCafile()));
			}
			if (options.sslClientCertFile() != null && options.sslClientKeyFile() != null) {
				config.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
				config.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG,
						read(url, "ssl_client_cert_file", options.sslClientCertFile()));
				config.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG,
						read(url, "ssl_client_key_file", options.sslClientKeyFile()));
				if (!options.sslClientKeyPassword().isEmpty()) {
					config.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, options.sslClientKeyPassword());
				}
			}
		}
		return config;
	}

	/**
	 * Returns {@code host:port,...}, IPv6 literals in brackets (as oslo 18.1 writes
	 * them).
	 */
	static String bootstrapServers(TransportUrl url) {
		StringJoiner servers = new StringJoiner(",");
		for (TransportUrl.Host host : url.hosts()) {
			if (host.hostname() == null || host.hostname().isEmpty()) {
				throw new InvalidTransportUrlException(url.toString(),
						"a kafka:// URL needs a host for every broker, e.g. kafka://kafka1.example.com:9092/");
			}
			if (host.port() == null) {
				throw new InvalidTransportUrlException(url.toString(),
						"the Kafka broker " + host.hostname() + " has no port (oslo.messaging does not default it and "
								+ "would connect to '" + host.hostname() + ":None'): write it, usually kafka://"
								+ bracketed(host.hostname()) + ":9092/");
			}
			servers.add(host.address());
		}
		if (url.hosts().isEmpty()) {
			throw new InvalidTransportUrlException(url.toString(),
					"a kafka:// URL needs at least one broker, e.g. kafka://kafka1.example.com:9092/");
		}
		return servers.toString();
	}

	private static String bracketed(String hostname) {
		return (hostname.indexOf(':') >= 0) ? "[" + hostname + "]" : hostname;
	}

	private static String jaas(@Nullable String value) {
		return String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String read(TransportUrl url, String option, @Nullable String file) {
		try {
			return Files.readString(Path.of(String.valueOf(file)), StandardCharsets.US_ASCII);
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidTransportUrlException(url.toString(),
					"cannot read " + option + " " + file + " (" + ex + "): name a readable PEM file");
		}
	}

	/**
	 * Returns the producer's configuration: oslo's {@code linger.ms}, batch size and
	 * compression, byte-array values and no key.
	 */
	Map<String, Object> producer() {
		Map<String, Object> config = new HashMap<>(this.common);
		config.put(ProducerConfig.LINGER_MS_CONFIG, this.options.producerBatchTimeout().toMillis());
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, this.options.producerBatchSize());
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, this.options.compressionCodec());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "oslo4j-notifier");
		return config;
	}

	/**
	 * Returns a consumer's configuration: oslo's group, offset reset {@code latest},
	 * fetch and poll sizes, and auto commit.
	 * @param group the consumer group (the pool, or {@code consumer_group})
	 */
	Map<String, Object> consumer(String group) {
		Map<String, Object> config = new HashMap<>(this.common);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, this.options.enableAutoCommit());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, this.options.maxFetchBytes());
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, this.options.maxPollRecords());
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return config;
	}

	/** Returns the configuration of the admin client that probes the brokers. */
	Map<String, Object> admin() {
		Map<String, Object> config = new HashMap<>(this.common);
		config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "oslo4j-health");
		return config;
	}

}
