package io.oslo4j.rpc.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * {@link RabbitConnectionDetails} read from {@link RabbitProperties} with Spring Boot's
 * own parsing ({@code determineAddresses()} and friends), for an application that
 * excluded {@code RabbitAutoConfiguration}, which otherwise provides them.
 */
final class PropertiesRabbitConnection implements RabbitConnectionDetails {

	private final RabbitProperties properties;

	private final @Nullable SslBundles sslBundles;

	PropertiesRabbitConnection(RabbitProperties properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.determineUsername();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.determinePassword();
	}

	@Override
	public @Nullable String getVirtualHost() {
		return this.properties.determineVirtualHost();
	}

	@Override
	public List<Address> getAddresses() {
		List<Address> addresses = new ArrayList<>();
		for (String address : this.properties.determineAddresses()) {
			int colon = address.lastIndexOf(':');
			addresses.add(new Address(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
		}
		return addresses;
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		RabbitProperties.Ssl ssl = this.properties.getSsl();
		if (!ssl.determineEnabled() || !StringUtils.hasText(ssl.getBundle())) {
			return null;
		}
		return RpcSslBundles.bundle("spring.rabbitmq.ssl.bundle", ssl.getBundle(), this.sslBundles);
	}

}
