package io.oslo4j.rpc.boot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.util.unit.DataSize;

/**
 * Maps {@code rpc.rabbit.*} to the oslo options of the transport
 * ({@code [oslo_messaging_rabbit]} names). Precedence, highest first: a typed property
 * the user set, which must agree with the same option in {@code rpc.rabbit.options.*} and
 * with options given by other properties ({@code spring.rabbitmq.*}); then those options;
 * then the typed property's default, which is oslo's. Typed properties without a default
 * are passed only when set. The URL's query wins over all of them, in the transport.
 */
final class RabbitOsloOptions {

	private RabbitOsloOptions() {
	}

	/**
	 * Returns the oslo options of {@code rpc.rabbit.*}.
	 * @param rabbit the properties
	 * @param explicitlySet tells whether the user set a typed property, by its full name
	 * (e.g. {@code rpc.rabbit.prefetch})
	 * @param given options the user set through other properties
	 * @return the options by oslo name
	 * @throws RpcConfigurationException when two settings the user made give one option
	 * different values
	 */
	static Map<String, String> of(RpcRabbitProperties rabbit, Predicate<String> explicitlySet,
			List<OsloOptionMerger.Given> given) {
		OsloOptionMerger merger = new OsloOptionMerger("rpc.rabbit.", rabbit.getOptions(), explicitlySet);
		given.forEach(merger::given);
		merger.withDefault("durable-queues", "amqp_durable_queues", rabbit.isDurableQueues());
		merger.withDefault("quorum-queues", "rabbit_quorum_queue", rabbit.isQuorumQueues());
		merger.withDefault("transient-queues-ttl", "rabbit_transient_queues_ttl",
				rabbit.getTransientQueuesTtl().toSeconds());
		merger.withDefault("prefetch", "rabbit_qos_prefetch_count", rabbit.getPrefetch());
		merger.withDefault("heartbeat", "heartbeat_timeout_threshold", rabbit.getHeartbeat().toSeconds());
		merger.withDefault("confirms", "confirm_publish", rabbit.isConfirms());
		merger.withDefault("failover-strategy", "kombu_failover_strategy", rabbit.getFailoverStrategy().osloName());
		merger.withDefault("reply-retry-timeout", "kombu_missing_consumer_retry_timeout",
				OsloOptionMerger.seconds(rabbit.getReplyRetryTimeout()));
		merger.withDefault("pool-size", "rpc_conn_pool_size", rabbit.getPoolSize());
		merger.ifSet("transient-quorum-queues", "rabbit_transient_quorum_queue", rabbit.getTransientQuorumQueues());
		merger.ifSet("stream-fanout", "rabbit_stream_fanout", rabbit.getStreamFanout());
		merger.ifSet("quorum-delivery-limit", "rabbit_quorum_delivery_limit", rabbit.getQuorumDeliveryLimit());
		merger.ifSet("quorum-max-memory-length", "rabbit_quorum_max_memory_length", rabbit.getQuorumMaxMemoryLength(),
				"rabbit_quroum_max_memory_length");
		DataSize memoryBytes = rabbit.getQuorumMaxMemoryBytes();
		merger.ifSet("quorum-max-memory-bytes", "rabbit_quorum_max_memory_bytes",
				(memoryBytes != null) ? memoryBytes.toBytes() : null, "rabbit_quroum_max_memory_bytes");
		merger.ifSet("reconnect-splay", "kombu_reconnect_splay",
				(rabbit.getReconnectSplay() != null) ? OsloOptionMerger.seconds(rabbit.getReconnectSplay()) : null);
		merger.ifSet("direct-reply-to", "rabbit_direct_reply_to", rabbit.getDirectReplyTo());
		RpcRabbitQueueManagerProperties queueManager = rabbit.getQueueManager();
		merger.ifSet("queue-manager.enabled", "use_queue_manager", queueManager.getEnabled());
		merger.ifSet("queue-manager.hostname", "hostname", queueManager.getHostname());
		merger.ifSet("queue-manager.process-name", "processname", queueManager.getProcessName());
		RpcRabbitSslProperties ssl = rabbit.getSsl();
		merger.ifSet("ssl.enabled", "ssl", ssl.getEnabled(), "rabbit_use_ssl");
		merger.ifSet("ssl.verify", "ssl_verify", ssl.getVerify());
		merger.ifSet("ssl.verify-hostname", "ssl_enforce_hostname_verification", ssl.getVerifyHostname());
		return merger.result();
	}

}
