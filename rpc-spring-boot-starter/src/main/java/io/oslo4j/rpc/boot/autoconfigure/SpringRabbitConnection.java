package io.oslo4j.rpc.boot.autoconfigure;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory.AddressShuffleMode;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.core.io.ResourceLoader;

/**
 * The broker of Spring Boot's RabbitMQ settings, as a transport URL and oslo options,
 * mapped as Spring Boot maps them onto its own connection factory: every address, the
 * user, password and virtual host from {@link RabbitConnectionDetails}
 * ({@code spring.rabbitmq.*}, or a service connection such as Testcontainers'
 * {@code @ServiceConnection}); the heartbeat, connection timeout, address shuffle mode
 * and TLS settings from {@link RabbitProperties}. TLS is on with the details' SSL bundle
 * or {@code spring.rabbitmq.ssl.enabled} (also implied by an {@code amqps://} address);
 * its key and trust material come from the bundle, else from
 * {@code spring.rabbitmq.ssl.key-store} and {@code trust-store}, else from the JVM.
 */
final class SpringRabbitConnection {

	private static final String SSL = "spring.rabbitmq.ssl.";

	private final RabbitConnectionDetails details;

	private final RabbitProperties properties;

	private final ResourceLoader resourceLoader;

	SpringRabbitConnection(RabbitConnectionDetails details, RabbitProperties properties,
			ResourceLoader resourceLoader) {
		this.details = details;
		this.properties = properties;
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Returns the transport URL: every address with the same credentials, the virtual
	 * host, and {@code ?ssl=1} when TLS is on.
	 * @return the URL
	 */
	TransportUrl url() {
		List<TransportUrl.Host> hosts = new ArrayList<>();
		for (RabbitConnectionDetails.Address address : this.details.getAddresses()) {
			hosts.add(new TransportUrl.Host(address.host(), address.port(), this.details.getUsername(),
					this.details.getPassword()));
		}
		String virtualHost = this.details.getVirtualHost();
		String vhost = (virtualHost == null || virtualHost.equals("/")) ? "" : virtualHost;
		return new TransportUrl("rabbit", hosts, vhost, ssl() ? Map.of("ssl", "1") : Map.of());
	}

	/**
	 * Returns the oslo options of the settings the user made, each naming its property.
	 * @return the options
	 * @throws RpcConfigurationException for a setting oslo cannot take
	 */
	List<OsloOptionMerger.Given> options() {
		List<OsloOptionMerger.Given> options = new ArrayList<>();
		Duration heartbeat = this.properties.getRequestedHeartbeat();
		if (heartbeat != null) {
			if (heartbeat.toNanos() % 1_000_000_000L != 0) {
				throw new RpcConfigurationException("spring.rabbitmq.requested-heartbeat",
						"must be a whole number of seconds (it is sent as oslo's integer "
								+ "heartbeat_timeout_threshold), was " + heartbeat.toMillis() + "ms",
						"spring.rabbitmq.requested-heartbeat=60", null);
			}
			options.add(new OsloOptionMerger.Given("heartbeat_timeout_threshold", String.valueOf(heartbeat.toSeconds()),
					"spring.rabbitmq.requested-heartbeat"));
		}
		Duration connectionTimeout = this.properties.getConnectionTimeout();
		if (connectionTimeout != null) {
			options.add(new OsloOptionMerger.Given("connection_timeout", OsloOptionMerger.seconds(connectionTimeout),
					"spring.rabbitmq.connection-timeout"));
		}
		AddressShuffleMode shuffle = this.properties.getAddressShuffleMode();
		if (shuffle != AddressShuffleMode.NONE) {
			options.add(new OsloOptionMerger.Given("kombu_failover_strategy",
					(shuffle == AddressShuffleMode.RANDOM) ? "shuffle" : "round-robin",
					"spring.rabbitmq.address-shuffle-mode"));
		}
		if (ssl()) {
			sslOptions(options);
		}
		return options;
	}

	private void sslOptions(List<OsloOptionMerger.Given> options) {
		RabbitProperties.Ssl ssl = this.properties.getSsl();
		if (!ssl.isVerifyHostname()) {
			options
				.add(new OsloOptionMerger.Given("ssl_enforce_hostname_verification", "false", SSL + "verify-hostname"));
		}
		if (!ssl.isValidateServerCertificate()) {
			if (this.details.getSslBundle() != null) {
				throw new RpcConfigurationException(SSL + "validate-server-certificate",
						"false cannot be combined with an SSL bundle (" + SSL + "bundle or the service connection's), "
								+ "whose trust material verifies the broker",
						"remove " + SSL + "validate-server-certificate, or the bundle", null);
			}
			options.add(new OsloOptionMerger.Given("ssl_verify", "false", SSL + "validate-server-certificate"));
		}
		if (this.details.getSslBundle() == null && ssl.getAlgorithm() != null && !hasStores(ssl)) {
			options.add(new OsloOptionMerger.Given("ssl_version", ssl.getAlgorithm(), SSL + "algorithm"));
		}
	}

	/**
	 * Returns whether TLS is on: an SSL bundle in the connection details, or
	 * {@code spring.rabbitmq.ssl.enabled} (or an {@code amqps://} address).
	 * @return whether TLS is on
	 */
	boolean ssl() {
		return this.details.getSslBundle() != null || this.properties.getSsl().determineEnabled();
	}

	/**
	 * Returns the key and trust material: the connection details' SSL bundle, else one
	 * made of {@code spring.rabbitmq.ssl.key-store} and {@code trust-store}.
	 * @return the bundle, or {@code null} when TLS is off or uses oslo's options and the
	 * JVM's trust store
	 */
	@Nullable SslBundle sslBundle() {
		SslBundle bundle = this.details.getSslBundle();
		RabbitProperties.Ssl ssl = this.properties.getSsl();
		if (bundle != null || !ssl() || !hasStores(ssl)) {
			return bundle;
		}
		SslStoreBundle stores = new JksSslStoreBundle(
				store(ssl.getKeyStoreType(), ssl.getKeyStore(), ssl.getKeyStorePassword()),
				store(ssl.getTrustStoreType(), ssl.getTrustStore(), ssl.getTrustStorePassword()), this.resourceLoader);
		try {
			return SslBundle.of(stores, SslBundleKey.NONE, SslOptions.NONE,
					(ssl.getAlgorithm() != null) ? ssl.getAlgorithm() : SslBundle.DEFAULT_PROTOCOL,
					managers(ssl, stores));
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new RpcConfigurationException(SSL + ((ssl.getKeyStore() != null) ? "key-store" : "trust-store"),
					"cannot load the key or trust store: " + ex.getMessage(),
					SSL + "trust-store=classpath:rabbit-truststore.p12 (with " + SSL + "trust-store-type=PKCS12)", ex);
		}
	}

	private static @Nullable JksSslStoreDetails store(@Nullable String type, @Nullable String location,
			@Nullable String password) {
		return (location != null) ? new JksSslStoreDetails(type, null, location, password) : null;
	}

	/**
	 * Returns the property that gives the key and trust material of {@link #sslBundle()},
	 * for messages.
	 * @return {@code spring.rabbitmq.ssl.bundle}, or the key and trust store properties
	 */
	String sslBundleProperty() {
		return (this.details.getSslBundle() != null) ? SSL + "bundle" : SSL + "key-store/trust-store";
	}

	private static boolean hasStores(RabbitProperties.Ssl ssl) {
		return ssl.getKeyStore() != null || ssl.getTrustStore() != null;
	}

	private static SslManagerBundle managers(RabbitProperties.Ssl ssl, SslStoreBundle stores)
			throws GeneralSecurityException {
		KeyManagerFactory keys = KeyManagerFactory.getInstance((ssl.getKeyStoreAlgorithm() != null)
				? ssl.getKeyStoreAlgorithm() : KeyManagerFactory.getDefaultAlgorithm());
		String password = stores.getKeyStorePassword();
		keys.init(stores.getKeyStore(), (password != null) ? password.toCharArray() : new char[0]);
		TrustManagerFactory trust = TrustManagerFactory.getInstance((ssl.getTrustStoreAlgorithm() != null)
				? ssl.getTrustStoreAlgorithm() : TrustManagerFactory.getDefaultAlgorithm());
		// no trust store: the JVM's default one, as Spring AMQP does
		trust.init((KeyStore) stores.getTrustStore());
		return SslManagerBundle.of(keys, trust);
	}

}
