package io.oslo4j.rpc.boot.autoconfigure;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Makes the application's transport: the URL from {@code rpc.transport-url} or Spring
 * Boot's RabbitMQ connection, the settings from {@code rpc.control-exchange} and
 * {@code rpc.rabbit.*}, then a connection attempt bounded by {@code rpc.connect-timeout}
 * that fails startup ({@code rpc.fail-fast=true}) or logs one warning and lets the
 * transport connect in the background.
 */
final class RpcTransports {

	private static final Logger logger = LoggerFactory.getLogger(RpcTransports.class);

	private RpcTransports() {
	}

	static TransportUrl url(RpcProperties properties, BrokerUrlSource fallback) {
		String url = properties.getTransportUrl();
		if (url != null) {
			return RpcPropertiesValidator.transportUrl("rpc.transport-url", url);
		}
		return fallback.url();
	}

	static Transport create(RpcProperties properties, TransportUrl url, Environment environment) {
		String source = (properties.getTransportUrl() != null) ? "rpc.transport-url" : "spring.rabbitmq.*";
		TransportSettings settings = new TransportSettings(properties.getControlExchange(),
				osloOptions(properties.getRabbit(), url, environment));
		Transport transport;
		try {
			transport = Transports.create(url, settings);
		}
		catch (InvalidTransportUrlException ex) {
			throw new RpcConfigurationException(source.equals("rpc.transport-url") ? source : "rpc.rabbit",
					ex.getMessage() + " (URL from " + source + ")", RpcPropertiesValidator.URL_EXAMPLE, ex);
		}
		if (!transport.connect(properties.getConnectTimeout())) {
			if (properties.isFailFast()) {
				transport.close();
				throw new RpcBrokerUnavailableException(url.toString(), properties.getConnectTimeout());
			}
			logger.warn(
					"oslo4j: the RPC broker at {} (from {}) is not reachable within {} (rpc.connect-timeout); "
							+ "the application starts anyway and connects in the background (rpc.fail-fast=false); "
							+ "RPC servers start consuming and health turns UP once it is reachable",
					url, source, properties.getConnectTimeout());
		}
		else {
			logger.info("oslo4j: connected to {} (from {})", url, source);
		}
		return transport;
	}

	/**
	 * Returns the driver options of the transport: {@code rpc.rabbit.*} by oslo name, the
	 * process name of the queue manager from {@code spring.application.name} when it is
	 * on and {@code rpc.rabbit.queue-manager.process-name} is not set, and checks what
	 * stream fanout needs.
	 * @param rabbit the properties
	 * @param url the transport URL, whose query options win over the properties
	 * @param environment where the properties the user set are found
	 * @return the options by oslo name
	 * @throws RpcConfigurationException when two settings disagree or stream fanout lacks
	 * what it needs
	 */
	static Map<String, String> osloOptions(RpcRabbitProperties rabbit, TransportUrl url, Environment environment) {
		Binder binder = Binder.get(environment);
		Map<String, String> options = rabbit
			.toOsloOptions((name) -> binder.bind(name, Bindable.of(String.class)).isBound());
		String application = environment.getProperty("spring.application.name");
		if (application != null && !application.isBlank() && !options.containsKey("processname")
				&& isTrue(url, options, "use_queue_manager")) {
			options.put("processname", application.trim());
		}
		if (isTrue(url, options, "rabbit_stream_fanout")) {
			checkStreamFanout(url, options);
		}
		return options;
	}

	private static void checkStreamFanout(TransportUrl url, Map<String, String> options) {
		if (!isTrue(url, options, "rabbit_transient_quorum_queue")) {
			throw new RpcConfigurationException("rpc.rabbit.stream-fanout",
					"stream fanout (rabbit_stream_fanout) needs transient quorum queues "
							+ "(rabbit_transient_quorum_queue), which are not on",
					"rpc.rabbit.transient-quorum-queues=true (with rpc.rabbit.stream-fanout=true and "
							+ "rpc.rabbit.prefetch=1)",
					null);
		}
		String prefetch = option(url, options, "rabbit_qos_prefetch_count");
		BigDecimal count = (prefetch != null) ? OsloOptionMerger.number(prefetch) : null;
		if (count != null && count.signum() <= 0) {
			throw new RpcConfigurationException("rpc.rabbit.prefetch",
					"stream fanout (rabbit_stream_fanout) needs a prefetch (rabbit_qos_prefetch_count) greater than "
							+ "0, was " + prefetch,
					"rpc.rabbit.prefetch=1", null);
		}
	}

	private static boolean isTrue(TransportUrl url, Map<String, String> options, String name) {
		String value = option(url, options, name);
		return value != null && Boolean.TRUE.equals(OsloOptionMerger.bool(value));
	}

	private static @Nullable String option(TransportUrl url, Map<String, String> options, String name) {
		String value = url.option(name);
		return (value != null) ? value : options.get(name);
	}

	static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
