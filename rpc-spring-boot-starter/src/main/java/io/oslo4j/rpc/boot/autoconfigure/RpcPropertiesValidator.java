package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import io.oslo4j.rpc.RpcVersion;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Checks bound {@link RpcProperties}, failing on the first bad value with an
 * {@link RpcConfigurationException} that names the key and shows a valid example.
 */
final class RpcPropertiesValidator {

	static final String URL_EXAMPLE = "rpc.transport-url=rabbit://user:password@rabbit.example.com:5672/ (or fake://)";

	private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	/**
	 * Durations that reach the broker or the server as whole seconds, by property (a
	 * client's call monitor timeout as {@code rpc.clients.*.call-monitor-timeout}) and
	 * the oslo option or wire field they become.
	 */
	private static final Map<String, String> WHOLE_SECONDS = Map.of("rpc.call-monitor-timeout", "_timeout",
			"rpc.clients.*.call-monitor-timeout", "_timeout", "rpc.rabbit.heartbeat", "heartbeat_timeout_threshold",
			"rpc.rabbit.transient-queues-ttl", "rabbit_transient_queues_ttl");

	private RpcPropertiesValidator() {
	}

	static void validate(RpcProperties properties) {
		String url = properties.getTransportUrl();
		if (url != null) {
			transportUrl("rpc.transport-url", url);
		}
		if (properties.getControlExchange().isBlank()) {
			throw new RpcConfigurationException("rpc.control-exchange", "must not be blank",
					"rpc.control-exchange=openstack", null);
		}
		positive("rpc.response-timeout", properties.getResponseTimeout(), "60s");
		positive("rpc.connect-timeout", properties.getConnectTimeout(), "10s");
		positive("rpc.call-monitor-timeout", properties.getCallMonitorTimeout(), "30s");
		wholeSeconds("rpc.call-monitor-timeout", properties.getCallMonitorTimeout());
		RpcRabbitProperties rabbit = properties.getRabbit();
		notNegative("rpc.rabbit.transient-queues-ttl", rabbit.getTransientQueuesTtl(), "30m");
		wholeSeconds("rpc.rabbit.transient-queues-ttl", rabbit.getTransientQueuesTtl());
		notNegative("rpc.rabbit.heartbeat", rabbit.getHeartbeat(), "60s");
		wholeSeconds("rpc.rabbit.heartbeat", rabbit.getHeartbeat());
		notNegative("rpc.rabbit.reply-retry-timeout", rabbit.getReplyRetryTimeout(), "60s");
		atLeast("rpc.rabbit.prefetch", rabbit.getPrefetch(), 0, "100");
		atLeast("rpc.rabbit.pool-size", rabbit.getPoolSize(), 1, "30");
		atLeast("rpc.rabbit.quorum-delivery-limit", rabbit.getQuorumDeliveryLimit(), 0, "20");
		atLeast("rpc.rabbit.quorum-max-memory-length", rabbit.getQuorumMaxMemoryLength(), 0, "1000");
		DataSize memoryBytes = rabbit.getQuorumMaxMemoryBytes();
		if (memoryBytes != null && memoryBytes.isNegative()) {
			throw new RpcConfigurationException("rpc.rabbit.quorum-max-memory-bytes",
					"must not be negative, was " + memoryBytes, "rpc.rabbit.quorum-max-memory-bytes=64MB", null);
		}
		notNegative("rpc.rabbit.reconnect-splay", rabbit.getReconnectSplay(), "500ms");
		notBlank("rpc.rabbit.queue-manager.hostname", rabbit.getQueueManager().getHostname(), "compute-1");
		notBlank("rpc.rabbit.queue-manager.process-name", rabbit.getQueueManager().getProcessName(), "nova-api");
		RpcServerProperties server = properties.getServer();
		atLeast("rpc.server.executor-threads", server.getExecutorThreads(), 0, "64");
		notNegative("rpc.server.shutdown-timeout", server.getShutdownTimeout(), "30s");
		RpcStartRetryProperties retry = properties.getStartRetry();
		positive("rpc.start-retry.initial-interval", retry.getInitialInterval(), "1s");
		positive("rpc.start-retry.max-interval", retry.getMaxInterval(), "30s");
		if (!(retry.getMultiplier() >= 1.0)) {
			throw new RpcConfigurationException("rpc.start-retry.multiplier",
					"must be 1 (a fixed interval) or more, was " + retry.getMultiplier(),
					"rpc.start-retry.multiplier=2", null);
		}
		atLeast("rpc.server.queue-capacity", server.getQueueCapacity(), 1, "1024");
		atLeast("rpc.server.duplicate-cache-size", server.getDuplicateCacheSize(), 0, "1024");
		notBlank("rpc.server.executor", server.getExecutor(), "rpcExecutor");
		notBlank("rpc.server.topic", server.getTopic(), "inventory");
		notBlank("rpc.server.name", server.getName(), "host-1");
		for (Map.Entry<String, RpcClientProperties> entry : properties.getClients().entrySet()) {
			client(entry.getKey(), entry.getValue());
		}
	}

	/**
	 * Parses a configured transport URL.
	 * @param property the key it came from
	 * @param url the URL
	 * @return the parsed URL
	 * @throws RpcConfigurationException when it is malformed (the message is masked)
	 */
	static TransportUrl transportUrl(String property, String url) {
		try {
			return TransportUrl.parse(url);
		}
		catch (InvalidTransportUrlException ex) {
			throw new RpcConfigurationException(property, ex.getMessage(), URL_EXAMPLE, ex);
		}
	}

	/**
	 * Checks an RPC version from configuration or an annotation.
	 * @param property where it came from
	 * @param version the version, or {@code null}
	 */
	static void version(String property, @Nullable String version) {
		if (version == null || version.isEmpty()) {
			return;
		}
		try {
			RpcVersion.parse(version);
		}
		catch (IllegalArgumentException ex) {
			throw new RpcConfigurationException(property, "'" + version + "' is not a version \"X.Y\"",
					property + "=1.0", ex);
		}
	}

	private static void client(String name, RpcClientProperties client) {
		String prefix = "rpc.clients." + name;
		if (!CLIENT_NAME.matcher(name).matches()) {
			throw new RpcConfigurationException(prefix,
					"'" + name + "' is not a client name (letters, digits, '.', '_', '-')",
					"rpc.clients.compute.topic=compute", null);
		}
		positive(prefix + ".timeout", client.getTimeout(), "30s");
		positive(prefix + ".call-monitor-timeout", client.getCallMonitorTimeout(), "30s");
		wholeSeconds(prefix + ".call-monitor-timeout", client.getCallMonitorTimeout());
		version(prefix + ".version", client.getVersion());
		version(prefix + ".version-cap", client.getVersionCap());
		notBlank(prefix + ".topic", client.getTopic(), name);
		if (client.getRetry() != null && client.getRetry() < -1) {
			throw new RpcConfigurationException(prefix + ".retry",
					"must be -1 (until the message goes through), 0 (never) or a count of times, was "
							+ client.getRetry(),
					prefix + ".retry=3", null);
		}
	}

	private static void positive(String property, @Nullable Duration value, String example) {
		if (value != null && (value.isNegative() || value.isZero())) {
			throw new RpcConfigurationException(property, "must be a positive duration, was " + value,
					property + "=" + example, null);
		}
	}

	/**
	 * Returns the oslo option or wire field a duration property becomes when it is sent
	 * as whole seconds.
	 * @param property the property, e.g. {@code rpc.rabbit.heartbeat} or
	 * {@code rpc.clients.compute.call-monitor-timeout}
	 * @return the oslo name, or {@code null} when the property is not sent as whole
	 * seconds
	 */
	static @Nullable String wholeSecondsOption(String property) {
		String key = property.startsWith("rpc.clients.")
				? "rpc.clients.*" + property.substring(property.lastIndexOf('.')) : property;
		return WHOLE_SECONDS.get(key);
	}

	private static void wholeSeconds(String property, @Nullable Duration value) {
		String option = wholeSecondsOption(property);
		if (value == null || option == null || value.toNanos() % 1_000_000_000L == 0) {
			return;
		}
		long rounded = Math.max(1, Math.round(value.toNanos() / 1e9));
		throw new RpcConfigurationException(property, "must be a whole number of seconds (it is sent as oslo's integer "
				+ option + "), was " + value.toMillis() + "ms", property + "=" + rounded + " (seconds)", null);
	}

	private static void notNegative(String property, @Nullable Duration value, String example) {
		if (value != null && value.isNegative()) {
			throw new RpcConfigurationException(property, "must not be negative, was " + value,
					property + "=" + example, null);
		}
	}

	private static void atLeast(String property, @Nullable Integer value, int min, String example) {
		if (value != null && value < min) {
			throw new RpcConfigurationException(property, "must be at least " + min + ", was " + value,
					property + "=" + example, null);
		}
	}

	private static void notBlank(String property, @Nullable String value, String example) {
		if (value != null && value.isBlank()) {
			throw new RpcConfigurationException(property, "must not be blank", property + "=" + example, null);
		}
	}

}
