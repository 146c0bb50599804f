package io.oslo4j.rpc.boot.autoconfigure;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;

/**
 * Makes the application's transport: the URL from {@code rpc.transport-url} or Spring
 * Boot's RabbitMQ connection (with the settings of {@code spring.rabbitmq.*} that oslo
 * has options for), the settings from {@code rpc.control-exchange} and
 * {@code rpc.rabbit.*}, and TLS from an SSL bundle when one is named. Nothing is
 * connected here: {@link RpcTransportConnector} connects when the context starts.
 */
final class RpcTransports {

	private static final List<String> TLS_FILE_OPTIONS = List.of("ssl_ca_file", "ssl_cert_file", "ssl_key_file",
			"ssl_version", "kombu_ssl_ca_certs", "kombu_ssl_certfile", "kombu_ssl_keyfile", "kombu_ssl_version");

	private RpcTransports() {
	}

	/**
	 * Makes the transport.
	 * @param properties the {@code rpc.*} properties
	 * @param spring Spring Boot's RabbitMQ connection, used when
	 * {@code rpc.transport-url} is not set
	 * @param bundles the application's SSL bundles, {@code null} when there are none
	 * @param environment where the properties the user set are found
	 * @return the transport
	 */
	static Transport create(RpcProperties properties, Supplier<SpringRabbitConnection> spring,
			@Nullable SslBundles bundles, Environment environment) {
		String configured = properties.getTransportUrl();
		SpringRabbitConnection connection = (configured != null) ? null : spring.get();
		TransportUrl url = (connection != null) ? connection.url()
				: RpcPropertiesValidator.transportUrl("rpc.transport-url", Objects.requireNonNull(configured));
		String source = (connection != null) ? "spring.rabbitmq.*" : "rpc.transport-url";
		if ("kafka".equals(url.driver())) {
			throw new RpcConfigurationException("rpc.transport-url",
					"oslo.messaging has no RPC over Kafka: kafka:// carries notifications only, was " + url,
					"rpc.transport-url=rabbit://user:password@rabbit.example.com:5672/ for RPC, and "
							+ "rpc.notifications.transport-url=" + url + " for notifications",
					null);
		}
		List<OsloOptionMerger.Given> given = new ArrayList<>((connection != null) ? connection.options() : List.of());
		RpcRabbitProperties rabbit = properties.getRabbit();
		SslBundle bundle = null;
		String bundleProperty = "rpc.rabbit.ssl.bundle";
		if (rabbit.getSsl().getBundle() != null) {
			bundle = RpcSslBundles.bundle(bundleProperty, rabbit.getSsl().getBundle(), bundles);
			given.add(new OsloOptionMerger.Given("ssl", "true", bundleProperty));
		}
		else if (connection != null) {
			bundle = connection.sslBundle();
			bundleProperty = connection.sslBundleProperty();
		}
		Map<String, String> options = osloOptions(rabbit, url, environment, given);
		if (bundle != null) {
			checkBundleAlone(bundleProperty, url, options);
		}
		SSLContext context = (bundle != null) ? bundle.createSslContext() : null;
		TransportSettings settings = new TransportSettings(properties.getControlExchange(), options, context);
		Transport transport;
		try {
			transport = Transports.create(url, settings);
		}
		catch (InvalidTransportUrlException ex) {
			throw new RpcConfigurationException(source.equals("rpc.transport-url") ? source : "rpc.rabbit",
					ex.getMessage() + " (URL from " + source + ")", RpcPropertiesValidator.URL_EXAMPLE, ex);
		}
		return transport;
	}

	/**
	 * Refuses oslo's TLS file options next to an SSL bundle, which holds the same
	 * material.
	 */
	private static void checkBundleAlone(String bundleProperty, TransportUrl url, Map<String, String> options) {
		for (String name : TLS_FILE_OPTIONS) {
			String where = (url.option(name) != null) ? "the transport URL's ?" + name
					: options.containsKey(name) ? "rpc.rabbit.options." + name : null;
			if (where != null) {
				throw new RpcConfigurationException(bundleProperty,
						"an SSL bundle and " + where + " both give TLS key or trust material",
						"set only one of them: " + bundleProperty + ", or oslo's ssl_* options", null);
			}
		}
		String verify = option(url, options, "ssl_verify");
		if (verify != null && Boolean.FALSE.equals(OsloOptionMerger.bool(verify))) {
			throw new RpcConfigurationException(bundleProperty,
					"ssl_verify=false cannot be combined with an SSL bundle, whose trust material verifies the broker",
					"remove rpc.rabbit.ssl.verify=false (or ssl_verify=false), or the bundle", null);
		}
	}

	/**
	 * Returns the driver options of the transport: {@code rpc.rabbit.*} by oslo name, the
	 * process name of the queue manager from {@code spring.application.name} when it is
	 * on and {@code rpc.rabbit.queue-manager.process-name} is not set, and checks what
	 * stream fanout needs.
	 * @param rabbit the properties
	 * @param url the transport URL, whose query options win over the properties
	 * @param environment where the properties the user set are found
	 * @param given options the user set through other properties
	 * @return the options by oslo name
	 * @throws RpcConfigurationException when two settings disagree or stream fanout lacks
	 * what it needs
	 */
	static Map<String, String> osloOptions(RpcRabbitProperties rabbit, TransportUrl url, Environment environment,
			List<OsloOptionMerger.Given> given) {
		Binder binder = Binder.get(environment);
		Map<String, String> options = RabbitOsloOptions.of(rabbit,
				(name) -> binder.bind(name, Bindable.of(String.class)).isBound(), given);
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
