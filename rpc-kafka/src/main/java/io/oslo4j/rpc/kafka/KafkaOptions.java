package io.oslo4j.rpc.kafka;

import java.time.Duration;
import java.util.Set;

import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

/**
 * The {@code [oslo_messaging_kafka]} options, by their oslo names and with oslo's
 * defaults (oslo.messaging 14.0 to 18.1), read from the transport settings and the URL
 * query. One option is oslo4j's own: {@code commit_after_dispatch}.
 *
 * @param maxFetchBytes {@code kafka_max_fetch_bytes}: the most bytes fetched per
 * partition (1048576)
 * @param consumerTimeout {@code kafka_consumer_timeout}: how long one poll waits (1.0 s)
 * @param consumerGroup {@code consumer_group}: the consumer group of listeners without a
 * pool ({@code oslo_messaging_consumer})
 * @param producerBatchTimeout {@code producer_batch_timeout}: how long the producer
 * lingers to batch (0.0 s)
 * @param producerBatchSize {@code producer_batch_size}: the producer's batch size (16384;
 * bytes for the Java client, messages for oslo's librdkafka)
 * @param compressionCodec {@code compression_codec}: {@code none}, {@code gzip},
 * {@code snappy}, {@code lz4} or {@code zstd}
 * @param enableAutoCommit {@code enable_auto_commit}: let the client commit offsets in
 * the background instead of committing them itself (false)
 * @param maxPollRecords {@code max_poll_records}: the most records one poll returns (500)
 * @param securityProtocol {@code security_protocol}: {@code PLAINTEXT}, {@code SSL},
 * {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param saslMechanism {@code sasl_mechanism}: {@code PLAIN}, {@code SCRAM-SHA-256} or
 * {@code SCRAM-SHA-512}
 * @param sslCafile {@code ssl_cafile}: the PEM file of the CAs that sign the brokers'
 * certificates, or {@code null} for the JVM's trust store
 * @param sslClientCertFile {@code ssl_client_cert_file}: the client's PEM certificate
 * @param sslClientKeyFile {@code ssl_client_key_file}: the client's PEM private key
 * @param sslClientKeyPassword {@code ssl_client_key_password}: the key's password
 * ({@code ""} for none)
 * @param commitAfterDispatch oslo4j's {@code commit_after_dispatch}: commit a record's
 * offset only after its endpoints ran (at least once, and requeue works) instead of
 * oslo's commit before dispatch (at most once); false
 */
public record KafkaOptions(int maxFetchBytes, Duration consumerTimeout, String consumerGroup,
		Duration producerBatchTimeout, int producerBatchSize, String compressionCodec, boolean enableAutoCommit,
		int maxPollRecords, String securityProtocol, String saslMechanism, @Nullable String sslCafile,
		@Nullable String sslClientCertFile, @Nullable String sslClientKeyFile, String sslClientKeyPassword,
		boolean commitAfterDispatch) {

	/** The consumer group of listeners without a pool, oslo's default. */
	public static final String DEFAULT_CONSUMER_GROUP = "oslo_messaging_consumer";

	static final Set<String> CODECS = Set.of("none", "gzip", "snappy", "lz4", "zstd");

	static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

	static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

	/**
	 * Reads the options of a transport: the settings' options, overridden by the URL's
	 * query. Unknown names are refused.
	 * @param url the transport URL
	 * @param settings the settings
	 * @return the options
	 * @throws io.oslo4j.rpc.transport.InvalidTransportUrlException naming the option and
	 * what a valid value looks like
	 */
	public static KafkaOptions of(TransportUrl url, TransportSettings settings) {
		KafkaOptionReader reader = new KafkaOptionReader(url, settings);
		KafkaOptions options = new KafkaOptions(reader.integer("kafka_max_fetch_bytes", 1048576, 1),
				reader.seconds("kafka_consumer_timeout", 1.0, 0.001),
				nonNull(reader.string("consumer_group"), DEFAULT_CONSUMER_GROUP),
				reader.seconds("producer_batch_timeout", 0.0, 0.0), reader.integer("producer_batch_size", 16384, 0),
				reader.choice("compression_codec", "none", CODECS), reader.bool("enable_auto_commit", false),
				reader.integer("max_poll_records", 500, 1), reader.choice("security_protocol", "PLAINTEXT", PROTOCOLS),
				reader.choice("sasl_mechanism", "PLAIN", MECHANISMS), reader.string("ssl_cafile"),
				reader.string("ssl_client_cert_file"), reader.string("ssl_client_key_file"),
				nonNull(reader.string("ssl_client_key_password"), ""), reader.bool("commit_after_dispatch", false));
		// deprecated and unused in oslo.messaging 14.0.3, removed in 16.0.0
		reader.accepted("pool_size", "conn_pool_min_size", "conn_pool_ttl");
		reader.rejectUnknown();
		if (options.commitAfterDispatch && options.enableAutoCommit) {
			throw reader.error("commit_after_dispatch=true commits offsets after dispatch, which "
					+ "enable_auto_commit=true (commits in the background) contradicts: set only one");
		}
		if ((options.sslClientCertFile == null) != (options.sslClientKeyFile == null)) {
			throw reader.error("ssl_client_cert_file and ssl_client_key_file go together: set both or neither");
		}
		return options;
	}

	private static String nonNull(@Nullable String value, String defaultValue) {
		return (value != null) ? value : defaultValue;
	}

	/**
	 * Returns whether the protocol uses TLS.
	 * @return whether it is {@code SSL} or {@code SASL_SSL}
	 */
	public boolean tls() {
		return this.securityProtocol.endsWith("SSL");
	}

	/**
	 * Returns whether the protocol uses SASL.
	 * @return whether it is {@code SASL_PLAINTEXT} or {@code SASL_SSL}
	 */
	public boolean sasl() {
		return this.securityProtocol.startsWith("SASL_");
	}

}
