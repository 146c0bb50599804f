package io.oslo4j.rpc.transport;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * A parsed oslo transport URL (oslo's {@code TransportURL}):
 * {@code driver://[user[:pass]@]host[:port][,[user[:pass]@]host[:port]]*&#47;[vhost][?key=value&...]}.
 * <ul>
 * <li>{@code kombu} is an alias of {@code rabbit}; {@code a+b} selects driver
 * {@code a}.</li>
 * <li>Several hosts are kept in order; each has its own credentials.</li>
 * <li>User, password and vhost are percent-decoded; a user part is split at its first
 * {@code :}, a host piece at its last {@code @}.</li>
 * <li>The vhost is {@code null} without a path; {@code rabbit://h/} and
 * {@code rabbit://h//} both open {@code /} ({@link #effectiveVirtualHost()}).</li>
 * <li>Query options are kept; repeated keys are joined with {@code ,}, empty values
 * dropped.</li>
 * <li>One deliberate difference from oslo: an {@code @} after the host list is refused.
 * It almost always means a password holding a raw {@code /}, {@code ?} or {@code #},
 * which oslo would split into a host, a port and a vhost (and log); write {@code %40} for
 * an {@code @} in a vhost or query value.</li>
 * </ul>
 * {@link #toString()} masks passwords, so a URL can be logged.
 *
 * @param driver the driver name ({@code rabbit}, {@code fake}, ...)
 * @param hosts the hosts, in the order given
 * @param virtualHost the vhost as written (decoded), or {@code null} without a path
 * @param query the query options
 */
public record TransportUrl(String driver, List<Host> hosts, @Nullable String virtualHost, Map<String, String> query) {

	/** The AMQP port used when a host names none. */
	public static final int DEFAULT_PORT = 5672;

	private static final String MASK = "****";

	public TransportUrl {
		hosts = List.copyOf(hosts);
		query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
	}

	/**
	 * Parses a transport URL.
	 * @param url the URL
	 * @return the parsed URL
	 * @throws InvalidTransportUrlException naming what is wrong, without the password
	 */
	public static TransportUrl parse(String url) {
		return new TransportUrlParser(url).parse();
	}

	/**
	 * Returns the vhost to open: {@code /} when the URL has none or an empty one.
	 * @return the effective vhost
	 */
	public String effectiveVirtualHost() {
		return (this.virtualHost == null || this.virtualHost.isEmpty()) ? "/" : this.virtualHost;
	}

	/**
	 * Returns a query option, or {@code null}.
	 * @param key the option name
	 * @return the value
	 */
	public @Nullable String option(String key) {
		return this.query.get(key);
	}

	/**
	 * Returns the URL in oslo's form with every password replaced by {@code ****}.
	 */
	@Override
	public String toString() {
		return format(true);
	}

	/**
	 * Returns the URL in oslo's form, passwords included. Never log this.
	 * @return the URL with its secrets
	 */
	public String toUnmaskedString() {
		return format(false);
	}

	private String format(boolean mask) {
		StringBuilder sb = new StringBuilder(this.driver).append("://");
		StringJoiner netloc = new StringJoiner(",");
		for (Host host : this.hosts) {
			netloc.add(host.format(mask));
		}
		sb.append(netloc).append('/');
		if (this.virtualHost != null) {
			sb.append(encode(this.virtualHost).replace("%2F", "/"));
		}
		if (!this.query.isEmpty()) {
			StringJoiner q = new StringJoiner("&", "?", "");
			this.query.forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
			sb.append(q);
		}
		return sb.toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String decode(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	/**
	 * One host of a transport URL.
	 *
	 * @param hostname the host name or IP address (IPv6 without brackets), or
	 * {@code null} for the default ({@code localhost})
	 * @param port the port, or {@code null} for {@link #DEFAULT_PORT}
	 * @param username the user, or {@code null} for the broker default ({@code guest})
	 * @param password the password, or {@code null} for the broker default
	 */
	public record Host(@Nullable String hostname, @Nullable Integer port, @Nullable String username,
			@Nullable String password) {

		/**
		 * Returns the host to connect to: {@code localhost} when none was given.
		 * @return the host name
		 */
		public String effectiveHostname() {
			return (this.hostname == null || this.hostname.isEmpty()) ? "localhost" : this.hostname;
		}

		/**
		 * Returns the port to connect to: 5672 when none was given (also with TLS, as
		 * oslo does).
		 * @return the port
		 */
		public int effectivePort() {
			return (this.port != null) ? this.port : DEFAULT_PORT;
		}

		/**
		 * Returns {@code host:port} with IPv6 literals in brackets.
		 * @return the address
		 */
		public String address() {
			String name = effectiveHostname();
			return (name.indexOf(':') >= 0 ? "[" + name + "]" : name) + ":" + effectivePort();
		}

		/**
		 * Returns the host with a masked password.
		 */
		@Override
		public String toString() {
			return format(true);
		}

		String format(boolean mask) {
			StringBuilder sb = new StringBuilder();
			if (this.username != null) {
				sb.append(encode(this.username));
				if (this.password != null) {
					sb.append(':').append(mask ? MASK : encode(this.password));
				}
				sb.append('@');
			}
			if (this.hostname != null) {
				sb.append(this.hostname.indexOf(':') >= 0 ? "[" + this.hostname + "]" : this.hostname);
			}
			if (this.port != null) {
				sb.append(':').append(this.port);
			}
			return sb.toString();
		}

	}

}
