package io.oslo4j.rpc.transport;

import java.util.Map;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * What a transport needs besides its URL: the control exchange ({@code [DEFAULT]
 * control_exchange}, which oslo does not accept in the URL), driver options by their oslo
 * names (e.g. {@code amqp_durable_queues}, {@code rabbit_qos_prefetch_count}) and,
 * optionally, the application's own TLS context. Query options of the URL override the
 * options, as in oslo.
 * <p>
 * An {@link SSLContext} given here holds the key and trust material of TLS (for example
 * one made from a Spring Boot SSL bundle, or from the application's own key and trust
 * stores); it replaces oslo's {@code ssl_ca_file}, {@code ssl_cert_file},
 * {@code ssl_key_file} and {@code ssl_version}, which must then not be set, and cannot be
 * combined with {@code ssl_verify=false}. It does not switch TLS on: the {@code ssl}
 * option does ({@code ?ssl=1}). The broker's host name is still checked unless
 * {@code ssl_enforce_hostname_verification} is false. Transports that do not use TLS
 * ({@code fake://}) ignore it.
 *
 * @param controlExchange the exchange used when a target names none
 * @param options driver options by oslo name
 * @param sslContext the TLS context to use instead of oslo's {@code ssl_*} file options,
 * or {@code null} for those options (and the JVM's default trust store)
 */
public record TransportSettings(String controlExchange, Map<String, String> options, @Nullable SSLContext sslContext) {

	/** The default control exchange, {@code openstack}. */
	public static final String DEFAULT_CONTROL_EXCHANGE = "openstack";

	public TransportSettings {
		if (controlExchange.isBlank()) {
			throw new IllegalArgumentException("control exchange must not be blank");
		}
		options = Map.copyOf(options);
	}

	/**
	 * Makes settings without a TLS context of the application's: TLS, when the
	 * {@code ssl} option turns it on, uses oslo's {@code ssl_*} options.
	 * @param controlExchange the exchange used when a target names none
	 * @param options driver options by oslo name
	 */
	public TransportSettings(String controlExchange, Map<String, String> options) {
		this(controlExchange, options, null);
	}

	/**
	 * Returns oslo's defaults: control exchange {@code openstack}, no options, no TLS
	 * context.
	 * @return the default settings
	 */
	public static TransportSettings defaults() {
		return new TransportSettings(DEFAULT_CONTROL_EXCHANGE, Map.of());
	}

	public TransportSettings withControlExchange(String controlExchange) {
		return new TransportSettings(controlExchange, this.options, this.sslContext);
	}

	public TransportSettings withOptions(Map<String, String> options) {
		return new TransportSettings(this.controlExchange, options, this.sslContext);
	}

	/**
	 * Returns a copy with the given TLS context.
	 * @param sslContext the TLS context, or {@code null} for oslo's {@code ssl_*} options
	 * @return the copy
	 */
	public TransportSettings withSslContext(@Nullable SSLContext sslContext) {
		return new TransportSettings(this.controlExchange, this.options, sslContext);
	}

}
