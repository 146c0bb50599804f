package io.oslo4j.rpc.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;

/**
 * Builds the transport URL from Spring Boot's {@link RabbitConnectionDetails} (every
 * address, user, password, vhost; service connections such as Testcontainers included).
 * TLS is on when the connection details carry an SSL bundle or
 * {@code spring.rabbitmq.ssl.enabled} is true (also implied by {@code amqps://}
 * addresses); only the switch is carried over ({@code ?ssl=1}), key and trust stores are
 * not: give oslo's PEM options through {@code rpc.rabbit.options.ssl_ca_file} and
 * friends.
 */
final class RabbitConnectionDetailsUrlSource implements BrokerUrlSource {

	private final RabbitConnectionDetails details;

	private final @Nullable RabbitProperties properties;

	RabbitConnectionDetailsUrlSource(RabbitConnectionDetails details, @Nullable RabbitProperties properties) {
		this.details = details;
		this.properties = properties;
	}

	@Override
	public TransportUrl url() {
		List<Map.Entry<String, Integer>> addresses = new ArrayList<>();
		for (RabbitConnectionDetails.Address address : this.details.getAddresses()) {
			addresses.add(Map.entry(address.host(), address.port()));
		}
		boolean ssl = this.details.getSslBundle() != null
				|| (this.properties != null && this.properties.getSsl().determineEnabled());
		return BrokerUrlSource.rabbit(addresses, this.details.getUsername(), this.details.getPassword(),
				this.details.getVirtualHost(), ssl);
	}

}
