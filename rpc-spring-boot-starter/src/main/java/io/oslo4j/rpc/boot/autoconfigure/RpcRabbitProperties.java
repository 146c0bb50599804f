package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RabbitMQ transport options, {@code rpc.rabbit.*}, passed to the transport under their
 * oslo names ({@code [oslo_messaging_rabbit]}). Defaults are oslo.messaging's. An option
 * in the transport URL's query ({@code ?amqp_durable_queues=true}) wins over these, as in
 * oslo. TLS is switched on by the URL ({@code ?ssl=1}) or, when the URL comes from
 * {@code spring.rabbitmq.*}, by {@code spring.rabbitmq.ssl.enabled}; certificates are
 * given with oslo's PEM options through {@link #getOptions() options}
 * ({@code ssl_ca_file}, {@code ssl_cert_file}, {@code ssl_key_file},
 * {@code ssl_version}).
 */
public class RpcRabbitProperties {

	/**
	 * Whether the topic exchange and queues are durable (amqp_durable_queues).
	 */
	private boolean durableQueues;

	/**
	 * Whether topic queues are quorum queues (rabbit_quorum_queue); implies durable.
	 */
	private boolean quorumQueues;

	/**
	 * How long unused fanout and reply queues live (rabbit_transient_queues_ttl, whole
	 * seconds); 0 for no expiry.
	 */
	private Duration transientQueuesTtl = Duration.ofSeconds(1800);

	/**
	 * Unacknowledged messages per consumer (rabbit_qos_prefetch_count); 0 for unlimited.
	 */
	private int prefetch;

	/**
	 * AMQP heartbeat (heartbeat_timeout_threshold, whole seconds); 0 disables it.
	 */
	private Duration heartbeat = Duration.ofSeconds(60);

	/**
	 * Whether every publish waits for the broker's confirm (confirm_publish).
	 */
	private boolean confirms = true;

	/**
	 * How hosts of a multi-host URL are tried: round-robin (in order) or shuffle
	 * (kombu_failover_strategy).
	 */
	private FailoverStrategy failoverStrategy = FailoverStrategy.ROUND_ROBIN;

	/**
	 * How long a reply to a caller whose reply queue is missing is retried
	 * (kombu_missing_consumer_retry_timeout).
	 */
	private Duration replyRetryTimeout = Duration.ofSeconds(60);

	/**
	 * Channels cached per connection (rpc_conn_pool_size).
	 */
	private int poolSize = 30;

	/**
	 * Further driver options by their oslo name, e.g. ssl_ca_file, rabbit_retry_interval.
	 * Unknown names are refused by the transport at startup.
	 */
	private Map<String, String> options = new LinkedHashMap<>();

	/**
	 * Returns these settings as oslo options.
	 * @return the options by oslo name
	 */
	Map<String, String> toOsloOptions() {
		Map<String, String> result = new LinkedHashMap<>(this.options);
		result.put("amqp_durable_queues", String.valueOf(this.durableQueues));
		result.put("rabbit_quorum_queue", String.valueOf(this.quorumQueues));
		result.put("rabbit_transient_queues_ttl", String.valueOf(this.transientQueuesTtl.toSeconds()));
		result.put("rabbit_qos_prefetch_count", String.valueOf(this.prefetch));
		result.put("heartbeat_timeout_threshold", String.valueOf(this.heartbeat.toSeconds()));
		result.put("confirm_publish", String.valueOf(this.confirms));
		result.put("kombu_failover_strategy", this.failoverStrategy.osloName());
		result.put("kombu_missing_consumer_retry_timeout", String.valueOf(this.replyRetryTimeout.toMillis() / 1000.0));
		result.put("rpc_conn_pool_size", String.valueOf(this.poolSize));
		return result;
	}

	public boolean isDurableQueues() {
		return this.durableQueues;
	}

	public void setDurableQueues(boolean durableQueues) {
		this.durableQueues = durableQueues;
	}

	public boolean isQuorumQueues() {
		return this.quorumQueues;
	}

	public void setQuorumQueues(boolean quorumQueues) {
		this.quorumQueues = quorumQueues;
	}

	public Duration getTransientQueuesTtl() {
		return this.transientQueuesTtl;
	}

	public void setTransientQueuesTtl(Duration transientQueuesTtl) {
		this.transientQueuesTtl = transientQueuesTtl;
	}

	public int getPrefetch() {
		return this.prefetch;
	}

	public void setPrefetch(int prefetch) {
		this.prefetch = prefetch;
	}

	public Duration getHeartbeat() {
		return this.heartbeat;
	}

	public void setHeartbeat(Duration heartbeat) {
		this.heartbeat = heartbeat;
	}

	public boolean isConfirms() {
		return this.confirms;
	}

	public void setConfirms(boolean confirms) {
		this.confirms = confirms;
	}

	public FailoverStrategy getFailoverStrategy() {
		return this.failoverStrategy;
	}

	public void setFailoverStrategy(FailoverStrategy failoverStrategy) {
		this.failoverStrategy = failoverStrategy;
	}

	public Duration getReplyRetryTimeout() {
		return this.replyRetryTimeout;
	}

	public void setReplyRetryTimeout(Duration replyRetryTimeout) {
		this.replyRetryTimeout = replyRetryTimeout;
	}

	public int getPoolSize() {
		return this.poolSize;
	}

	public void setPoolSize(int poolSize) {
		this.poolSize = poolSize;
	}

	public Map<String, String> getOptions() {
		return this.options;
	}

	public void setOptions(Map<String, String> options) {
		this.options = options;
	}

	/**
	 * How the hosts of a multi-host transport URL are tried.
	 */
	public enum FailoverStrategy {

		/** In the order given (oslo's round-robin). */
		ROUND_ROBIN("round-robin"),

		/** In random order. */
		SHUFFLE("shuffle");

		private final String osloName;

		FailoverStrategy(String osloName) {
			this.osloName = osloName;
		}

		String osloName() {
			return this.osloName;
		}

	}

}
