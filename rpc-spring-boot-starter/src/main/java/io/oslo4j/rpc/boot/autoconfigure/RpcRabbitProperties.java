package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * RabbitMQ transport options, {@code rpc.rabbit.*}, passed to the transport under their
 * oslo names ({@code [oslo_messaging_rabbit]}). Defaults are oslo.messaging's; the
 * properties without a default are passed only when set, so the transport's own default
 * applies otherwise.
 * <p>
 * Precedence, highest first: an option in the transport URL's query
 * ({@code ?amqp_durable_queues=true}), as in oslo; then a typed property that is set and
 * the same oslo name in {@link #getOptions() options}, which must agree (startup fails
 * when they differ); then a typed property's default. So
 * {@code rpc.rabbit.options.rabbit_qos_prefetch_count=10} alone means prefetch 10.
 * <p>
 * TLS is switched on by the URL ({@code ?ssl=1}), {@link #getSsl() ssl}, or, when the URL
 * comes from {@code spring.rabbitmq.*}, by {@code spring.rabbitmq.ssl.enabled}; the key
 * and trust material come from an SSL bundle ({@code rpc.rabbit.ssl.bundle}) or oslo's
 * PEM options through {@link #getOptions() options} ({@code ssl_ca_file},
 * {@code ssl_cert_file}, {@code ssl_key_file}, {@code ssl_version}). The broker's
 * certificate and host name are verified unless {@code rpc.rabbit.ssl.verify=false}.
 * <p>
 * This class holds the connection and consumer settings; the queue topology settings,
 * under the same prefix, are in {@link RpcRabbitQueueProperties}.
 */
public class RpcRabbitProperties extends RpcRabbitQueueProperties {

	/**
	 * Unacknowledged messages per consumer (rabbit_qos_prefetch_count); 0 for unlimited.
	 */
	private int prefetch;

	/**
	 * AMQP heartbeat (heartbeat_timeout_threshold, whole seconds: a number without unit
	 * is seconds, fractions of a second are refused); 0 asks for none, and the broker's
	 * own heartbeat (60 s unless configured) then applies.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
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
	 * How long a reply to a caller whose reply queue is missing, or whose connection was
	 * lost before the broker confirmed it, is retried
	 * (kombu_missing_consumer_retry_timeout, seconds; a number without unit is seconds, a
	 * fraction needs a unit: 1500ms).
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration replyRetryTimeout = Duration.ofSeconds(60);

	/**
	 * Channels cached per connection (rpc_conn_pool_size).
	 */
	private int poolSize = 30;

	/**
	 * Upper bound of the random delay added to each reconnection attempt, so that many
	 * services do not reconnect at the same moment (kombu_reconnect_splay, seconds; a
	 * number without unit is seconds, a fraction needs a unit: 500ms). Not set: oslo's
	 * default, 0.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration reconnectSplay;

	/**
	 * Whether calls get their replies through RabbitMQ's direct reply-to
	 * (amq.rabbitmq.reply-to) instead of a reply queue (rabbit_direct_reply_to, an option
	 * of oslo4j, not of oslo.messaging). Not set: false.
	 */
	private @Nullable Boolean directReplyTo;

	/**
	 * TLS: verified by default; a Spring Boot SSL bundle for the key and trust material.
	 */
	@NestedConfigurationProperty
	private final RpcRabbitSslProperties ssl = new RpcRabbitSslProperties();

	/**
	 * Further driver options by their oslo name, e.g. ssl_ca_file, rabbit_retry_interval.
	 * Unknown names are refused by the transport at startup. A name given here wins over
	 * the default of the typed property for the same option; setting both to different
	 * values fails startup.
	 */
	private Map<String, String> options = new LinkedHashMap<>();

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

	public @Nullable Boolean getDirectReplyTo() {
		return this.directReplyTo;
	}

	public void setDirectReplyTo(@Nullable Boolean directReplyTo) {
		this.directReplyTo = directReplyTo;
	}

	public @Nullable Duration getReconnectSplay() {
		return this.reconnectSplay;
	}

	public void setReconnectSplay(@Nullable Duration reconnectSplay) {
		this.reconnectSplay = reconnectSplay;
	}

	public RpcRabbitSslProperties getSsl() {
		return this.ssl;
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
