package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.MessageSizeLimit;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

/**
 * The {@code [oslo_messaging_rabbit]} options of the rabbit transport, by their oslo
 * names, read from {@link TransportSettings#options()} overridden by the URL query (as
 * oslo's {@code ConfigOptsProxy} does). Defaults are oslo.messaging 14.0.3's.
 * <p>
 * Besides oslo's options, oslo4j accepts {@code ssl_verify} (default true: with TLS, the
 * broker's certificate and host name are verified; false trusts any certificate, see
 * {@link RabbitTls}), {@code confirm_publish} (default true: every publish waits for the
 * broker's confirm), {@code confirm_timeout} (seconds, default 30),
 * {@code connection_timeout} (seconds, default 30) and {@code max_message_size} (bytes,
 * default 16 MiB; 0 for no limit) and {@code rabbit_direct_reply_to} (default false: a
 * client's replies come through RabbitMQ's direct reply-to instead of a reply queue, see
 * {@link DirectReplyTo}). A few oslo options that have no effect here are accepted and
 * ignored ({@code kombu_reconnect_delay}, {@code heartbeat_rate},
 * {@code heartbeat_in_pthread}, {@code conn_pool_min_size}, {@code conn_pool_ttl},
 * {@code rabbit_login_method}, {@code direct_mandatory_flag},
 * {@code ssl_enforce_fips_mode}, {@code enable_cancel_on_failover}: oslo4j never sends
 * {@code x-cancel-on-ha-failover}, which quorum and stream queues refuse). Any other key
 * is refused.
 * <p>
 * The modes of oslo.messaging 14.7+ are supported with oslo's names and rules:
 * {@code rabbit_transient_quorum_queue} (reply and fanout queues quorum, the fanout
 * exchange durable), {@code rabbit_stream_fanout} (one shared stream per topic; needs
 * {@code rabbit_transient_quorum_queue} and {@code rabbit_qos_prefetch_count} > 0) and
 * {@code use_queue_manager} with {@code hostname} and {@code processname} (deterministic
 * reply and fanout queue names, see {@link QueueManagerNames}).
 *
 * @param ssl whether to use TLS ({@code ssl}, old name {@code rabbit_use_ssl})
 * @param sslCaFile PEM file of the CA certificates to trust; without it the JVM's default
 * trust store is used (oslo verifies nothing then)
 * @param sslCertFile PEM client certificate, or {@code null}
 * @param sslKeyFile PEM (PKCS#8) client key, or {@code null}
 * @param sslVersion the TLS protocol ({@code TLSv1.2}, ...), or {@code null} for the JDK
 * default
 * @param sslEnforceHostnameVerification whether the server's host name is verified
 * against its certificate (default true, as upstream oslo 18.1+; Debian's 14.0.3 defaults
 * to false, and oslo checks it only with {@code ssl_ca_file})
 * @param sslVerify whether the server's certificate and host name are verified at all
 * (oslo4j's {@code ssl_verify}, default true); false trusts any certificate
 * @param heartbeat the AMQP heartbeat in seconds; 0 asks for none, and the broker's own
 * then applies (amqp-client takes the larger value when one side is 0)
 * ({@code heartbeat_timeout_threshold})
 * @param durableQueues {@code amqp_durable_queues}
 * @param autoDelete {@code amqp_auto_delete}
 * @param quorumQueue {@code rabbit_quorum_queue}
 * @param quorumDeliveryLimit {@code rabbit_quorum_delivery_limit}, 0 for none
 * @param quorumMaxMemoryLength {@code rabbit_quorum_max_memory_length} (old name
 * {@code rabbit_quroum_max_memory_length}), 0 for none
 * @param quorumMaxMemoryBytes {@code rabbit_quorum_max_memory_bytes} (old name
 * {@code rabbit_quroum_max_memory_bytes}), 0 for none
 * @param haQueues {@code rabbit_ha_queues}
 * @param transientQueuesTtl {@code rabbit_transient_queues_ttl} in seconds (0: no
 * {@code x-expires}, as oslo 14.6+)
 * @param qosPrefetchCount {@code rabbit_qos_prefetch_count}, 0 for unlimited
 * @param missingConsumerRetryTimeout how long a returned reply, or one whose connection
 * was lost, is retried ({@code kombu_missing_consumer_retry_timeout})
 * @param shuffleHosts whether hosts are shuffled
 * ({@code kombu_failover_strategy=shuffle}) rather than tried in order
 * ({@code round-robin})
 * @param connectionPoolSize {@code rpc_conn_pool_size}: the channel cache size
 * @param retryInterval {@code rabbit_retry_interval}
 * @param retryBackoff {@code rabbit_retry_backoff}
 * @param intervalMax {@code rabbit_interval_max}
 * @param confirmPublish whether publishes wait for publisher confirms
 * @param confirmTimeout how long a publish waits for its confirm
 * @param connectionTimeout the TCP connect and AMQP handshake timeout
 * @param maxMessageSize the largest message body, in bytes, that is handed to a handler
 * (oslo4j's {@code max_message_size}, see {@link MessageSizeLimit}); 0 means no limit
 * @param transientQuorumQueue {@code rabbit_transient_quorum_queue}: reply and fanout
 * queues are durable quorum queues, the fanout exchange is durable
 * @param streamFanout {@code rabbit_stream_fanout}: fanout goes through one stream
 * {@code <topic>_fanout} shared by every server of the topic
 * @param useQueueManager {@code use_queue_manager}: reply and fanout queues are named
 * {@code reply_<hostname>:<processname>:<n>} and
 * {@code <topic>_fanout_<hostname>:<processname>:<n>}
 * @param hostname {@code hostname}, the first part of queue-manager names (default: this
 * host's name)
 * @param processname {@code processname}, the second part of queue-manager names
 * (default: the program's name, see {@link ProcessNames})
 * @param reconnectSplay {@code kombu_reconnect_splay}: up to this much random time is
 * added to each reconnect wait, so that many services do not reconnect at once
 * @param directReplyTo oslo4j's {@code rabbit_direct_reply_to}: replies come through
 * RabbitMQ's direct reply-to ({@code amq.rabbitmq.reply-to}) instead of a reply queue
 */
public record RabbitOptions(boolean ssl, @Nullable String sslCaFile, @Nullable String sslCertFile,
		@Nullable String sslKeyFile, @Nullable String sslVersion, boolean sslEnforceHostnameVerification,
		boolean sslVerify, int heartbeat, boolean durableQueues, boolean autoDelete, boolean quorumQueue,
		int quorumDeliveryLimit, int quorumMaxMemoryLength, int quorumMaxMemoryBytes, boolean haQueues,
		int transientQueuesTtl, int qosPrefetchCount, Duration missingConsumerRetryTimeout, boolean shuffleHosts,
		int connectionPoolSize, Duration retryInterval, Duration retryBackoff, Duration intervalMax,
		boolean confirmPublish, Duration confirmTimeout, Duration connectionTimeout, int maxMessageSize,
		boolean transientQuorumQueue, boolean streamFanout, boolean useQueueManager, String hostname,
		String processname, Duration reconnectSplay, boolean directReplyTo) {

	private static final Set<String> IGNORED = Set.of("kombu_reconnect_delay", "heartbeat_in_pthread",
			"conn_pool_min_size", "conn_pool_ttl", "rabbit_login_method", "direct_mandatory_flag",
			"ssl_enforce_fips_mode", "enable_cancel_on_failover");

	/**
	 * Reads the options of a transport.
	 * @param url the transport URL; its query overrides {@code settings}
	 * @param settings the transport settings
	 * @return the options
	 * @throws InvalidTransportUrlException naming an unknown option or a bad value
	 */
	public static RabbitOptions of(TransportUrl url, TransportSettings settings) {
		OptionReader reader = new OptionReader(url, settings);
		boolean quorum = reader.bool("rabbit_quorum_queue", false);
		boolean ha = reader.bool("rabbit_ha_queues", false);
		String compression = reader.string("kombu_compression");
		if (compression != null) {
			throw reader.invalid("kombu_compression", compression, "compression is not supported by oslo4j");
		}
		RabbitOptions options = new RabbitOptions(reader.bool("ssl", false, "rabbit_use_ssl"),
				reader.string("ssl_ca_file", "kombu_ssl_ca_certs"),
				reader.string("ssl_cert_file", "kombu_ssl_certfile"),
				reader.string("ssl_key_file", "kombu_ssl_keyfile"), sslVersion(reader),
				reader.bool("ssl_enforce_hostname_verification", true), reader.bool("ssl_verify", true),
				reader.integer("heartbeat_timeout_threshold", 60, 0), reader.bool("amqp_durable_queues", false),
				reader.bool("amqp_auto_delete", false), quorum, reader.integer("rabbit_quorum_delivery_limit", 0, 0),
				reader.integer("rabbit_quorum_max_memory_length", 0, 0, "rabbit_quroum_max_memory_length"),
				reader.integer("rabbit_quorum_max_memory_bytes", 0, 0, "rabbit_quroum_max_memory_bytes"), ha,
				reader.integer("rabbit_transient_queues_ttl", 1800, 0),
				reader.integer("rabbit_qos_prefetch_count", 0, 0),
				reader.seconds("kombu_missing_consumer_retry_timeout", 60, 0),
				reader.choice("kombu_failover_strategy", "round-robin", Set.of("round-robin", "shuffle"))
					.equals("shuffle"),
				reader.integer("rpc_conn_pool_size", 30, 1), reader.seconds("rabbit_retry_interval", 1, 0),
				reader.seconds("rabbit_retry_backoff", 2, 0), reader.seconds("rabbit_interval_max", 30, 0),
				reader.bool("confirm_publish", true), reader.seconds("confirm_timeout", 30, 0.001),
				reader.seconds("connection_timeout", 30, 0.001),
				reader.integer(MessageSizeLimit.OPTION, MessageSizeLimit.DEFAULT, 0),
				reader.bool("rabbit_transient_quorum_queue", false), reader.bool("rabbit_stream_fanout", false),
				reader.bool("use_queue_manager", false), reader.stringOr("hostname", ProcessNames.hostname()),
				reader.stringOr("processname", ProcessNames.processname()),
				reader.seconds("kombu_reconnect_splay", 0, 0), reader.bool("rabbit_direct_reply_to", false));
		reader.integer("heartbeat_rate", 3, 0);
		reader.accepted(IGNORED.toArray(String[]::new));
		reader.rejectUnknown();
		options.checkModes(reader);
		return options;
	}

	/**
	 * Refuses what oslo refuses (its "Configuration Error"s), naming the options.
	 */
	private void checkModes(OptionReader reader) {
		if (this.haQueues && (this.quorumQueue || this.transientQuorumQueue)) {
			throw reader.error("the option rabbit_ha_queues cannot be combined with "
					+ (this.quorumQueue ? "rabbit_quorum_queue" : "rabbit_transient_quorum_queue")
					+ " (HA queues and quorum queues are mutually exclusive); unset rabbit_ha_queues");
		}
		if (this.streamFanout && !this.transientQuorumQueue) {
			throw reader.error("rabbit_stream_fanout needs rabbit_transient_quorum_queue to be set to true "
					+ "(as in oslo.messaging); set rabbit_transient_quorum_queue=true");
		}
		if (this.streamFanout && this.qosPrefetchCount <= 0) {
			throw reader.error("rabbit_stream_fanout needs rabbit_qos_prefetch_count to be set to a value greater "
					+ "than 0 (stream consumers need a prefetch limit); set e.g. rabbit_qos_prefetch_count=1");
		}
		if (this.useQueueManager && (this.hostname.isBlank() || this.processname.isBlank())) {
			throw reader.error("use_queue_manager needs a hostname and a processname; set both options");
		}
	}

	/**
	 * Returns oslo's defaults.
	 * @return the default options
	 */
	public static RabbitOptions defaults() {
		return of(TransportUrl.parse("rabbit://"), TransportSettings.defaults());
	}

	/**
	 * Returns the durable flag of the topic exchange and the topic queues:
	 * {@code amqp_durable_queues} or {@code rabbit_quorum_queue}.
	 * @return whether they are durable
	 */
	public boolean durable() {
		return this.durableQueues || this.quorumQueue;
	}

	/**
	 * Returns the arguments of the topic queues ({@code T}, {@code T.S}): HA or quorum
	 * arguments, else none.
	 * @return the queue arguments
	 */
	public Map<String, Object> topicQueueArguments() {
		Map<String, Object> args = new java.util.LinkedHashMap<>();
		if (this.haQueues) {
			args.put("x-ha-policy", "all");
		}
		if (this.quorumQueue) {
			putQuorumArguments(args);
		}
		return args;
	}

	private void putQuorumArguments(Map<String, Object> args) {
		args.put("x-queue-type", "quorum");
		putIfPositive(args, "x-delivery-limit", this.quorumDeliveryLimit);
		putIfPositive(args, "x-max-in-memory-length", this.quorumMaxMemoryLength);
		putIfPositive(args, "x-max-in-memory-bytes", this.quorumMaxMemoryBytes);
	}

	/**
	 * Returns the arguments of the fanout and reply queues: with
	 * {@code rabbit_transient_quorum_queue} the quorum arguments of a topic queue (limits
	 * included), else the HA argument (oslo keeps these queues classic with
	 * {@code rabbit_quorum_queue} alone); then {@code x-expires} (ttl in ms, an integer)
	 * unless the ttl is 0.
	 * @return the queue arguments
	 */
	public Map<String, Object> transientQueueArguments() {
		Map<String, Object> args = new java.util.LinkedHashMap<>();
		if (this.haQueues) {
			args.put("x-ha-policy", "all");
		}
		if (this.transientQuorumQueue) {
			putQuorumArguments(args);
		}
		putIfPositive(args, "x-expires", this.transientQueuesTtl * 1000);
		return args;
	}

	/**
	 * Returns whether the fanout and reply queues, and the fanout exchange, are durable:
	 * {@code rabbit_transient_quorum_queue}.
	 * @return whether they are durable
	 */
	public boolean transientDurable() {
		return this.transientQuorumQueue;
	}

	/**
	 * Returns the arguments of the shared fanout stream {@code <topic>_fanout}:
	 * {@code x-queue-type: stream} and {@code x-max-age: "<ttl>s"} (a string), without
	 * the age when the ttl is 0.
	 * @return the stream arguments
	 */
	public Map<String, Object> streamArguments() {
		Map<String, Object> args = new java.util.LinkedHashMap<>();
		args.put("x-queue-type", "stream");
		if (this.transientQueuesTtl > 0) {
			args.put("x-max-age", this.transientQueuesTtl + "s");
		}
		return args;
	}

	private static void putIfPositive(Map<String, Object> args, String key, int value) {
		if (value > 0) {
			args.put(key, value);
		}
	}

	private static @Nullable String sslVersion(OptionReader reader) {
		String value = reader.string("ssl_version", "kombu_ssl_version");
		if (value == null) {
			return null;
		}
		// oslo accepts Python's names (tlsv1_2, PROTOCOL_TLSv1_2); Java wants TLSv1.2
		String normalized = value.replaceFirst("(?i)^PROTOCOL_", "").replace('_', '.');
		return switch (normalized.toLowerCase(java.util.Locale.ROOT)) {
			case "tls", "sslv23" -> "TLS";
			case "tlsv1" -> "TLSv1";
			case "tlsv1.1" -> "TLSv1.1";
			case "tlsv1.2" -> "TLSv1.2";
			case "tlsv1.3" -> "TLSv1.3";
			default -> throw reader.invalid("ssl_version", value, "expected one of TLSv1.2, TLSv1.3, TLS");
		};
	}

}
