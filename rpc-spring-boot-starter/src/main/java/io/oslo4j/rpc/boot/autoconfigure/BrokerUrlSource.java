package io.oslo4j.rpc.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

/**
 * Supplies the transport URL when {@code rpc.transport-url} is not set: built from Spring
 * Boot's RabbitMQ connection ({@code spring.rabbitmq.*}).
 */
@FunctionalInterface
interface BrokerUrlSource {

	/**
	 * Returns the URL of the broker Spring Boot would connect to.
	 * @return the URL, {@code rabbit://...}
	 */
	TransportUrl url();

	/**
	 * Builds a {@code rabbit://} URL with the same credentials on every host.
	 * @param addresses {@code host:port} pairs, in failover order
	 * @param username the user
	 * @param password the password
	 * @param virtualHost the vhost, {@code null} or {@code /} for the default
	 * @param ssl whether TLS is on ({@code ?ssl=1})
	 * @return the URL
	 */
	static TransportUrl rabbit(List<Map.Entry<String, Integer>> addresses, @Nullable String username,
			@Nullable String password, @Nullable String virtualHost, boolean ssl) {
		List<TransportUrl.Host> hosts = new ArrayList<>();
		for (Map.Entry<String, Integer> address : addresses) {
			hosts.add(new TransportUrl.Host(address.getKey(), address.getValue(), username, password));
		}
		String vhost = (virtualHost == null || virtualHost.equals("/")) ? "" : virtualHost;
		return new TransportUrl("rabbit", hosts, vhost, ssl ? Map.of("ssl", "1") : Map.of());
	}

}
