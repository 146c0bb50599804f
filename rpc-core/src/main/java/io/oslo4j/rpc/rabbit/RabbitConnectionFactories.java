package io.oslo4j.rpc.rabbit;

import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import com.rabbitmq.client.ShutdownSignalException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory.AddressShuffleMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

import io.oslo4j.rpc.transport.TransportUrl;

/**
 * The two Spring AMQP connection factories of a transport, made from its URL and options:
 * one connection for consumers and declarations, and a separate one for publishing (so
 * that a publisher blocked by a broker alarm never stalls consumers).
 * <ul>
 * <li>Every host of the URL is an address, tried in order ({@code round-robin}, rotated
 * after each connection) or shuffled ({@code shuffle}).</li>
 * <li>Credentials come from the first host that has a user: Spring AMQP and amqp-client
 * have one credential set per connection factory, so hosts with different credentials are
 * not supported (a warning is logged).</li>
 * <li>Recovery is Spring AMQP's own: a closed connection is reopened on next use and
 * listener containers restart their consumers; amqp-client's automatic recovery stays
 * off, as Spring AMQP recommends.</li>
 * <li>Connections are named like oslo's: {@code <program>:<pid>:<uuid>} (the publisher
 * connection gets Spring's {@code .publisher} suffix).</li>
 * <li>A failed TLS handshake is logged as a warning with its cause (the certificate
 * refused, and why), once until the cause changes or a connection succeeds: otherwise it
 * would only show as an unreachable broker.</li>
 * </ul>
 */
final class RabbitConnectionFactories implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RabbitConnectionFactories.class);

	private final CachingConnectionFactory consumer;

	private final CachingConnectionFactory publisher;

	private volatile boolean consumerConnected;

	private volatile @Nullable String lastTlsFailure;

	private volatile boolean everConnected;

	RabbitConnectionFactories(TransportUrl url, RabbitOptions options, @Nullable SSLContext sslContext) {
		com.rabbitmq.client.ConnectionFactory rabbit = new com.rabbitmq.client.ConnectionFactory();
		rabbit.setAutomaticRecoveryEnabled(false);
		// connection_timeout bounds the AMQP handshake too (Spring sets only the TCP one)
		rabbit.setHandshakeTimeout((int) Math.min(Integer.MAX_VALUE, options.connectionTimeout().toMillis()));
		// amqp-client closes the whole connection on a body over its own limit (64 MiB by
		// default), and the broker redelivers the message to the next connection: one
		// big message would stop every consumer for good. The broker's max_message_size
		// bounds what arrives; max_message_size (HandlerListenerAdapter) rejects it.
		rabbit.setMaxInboundMessageBodySize(Integer.MAX_VALUE);
		if (options.ssl()) {
			RabbitTls.configure(rabbit, options, url, sslContext);
		}
		String maskedUrl = url.toString();
		this.consumer = new CachingConnectionFactory(rabbit);
		List<String> addresses = new ArrayList<>();
		TransportUrl.Host credentials = null;
		for (TransportUrl.Host host : url.hosts()) {
			addresses.add(host.address());
			if (credentials == null && host.username() != null) {
				credentials = host;
			}
			else if (credentials != null && host.username() != null && (!host.username().equals(credentials.username())
					|| !Objects.equals(host.password(), credentials.password()))) {
				logger.warn("Hosts of {} have different credentials; using those of the first host for all", url);
			}
		}
		if (addresses.isEmpty()) {
			addresses.add(new TransportUrl.Host(null, null, null, null).address());
		}
		this.consumer.setAddresses(String.join(",", addresses));
		AddressShuffleMode shuffle = options.shuffleHosts() ? AddressShuffleMode.RANDOM
				: (addresses.size() > 1) ? AddressShuffleMode.INORDER : AddressShuffleMode.NONE;
		this.consumer.setAddressShuffleMode(shuffle);
		if (credentials != null) {
			this.consumer.setUsername(Objects.requireNonNull(credentials.username()));
			if (credentials.password() != null) {
				this.consumer.setPassword(credentials.password());
			}
		}
		this.consumer.setVirtualHost(url.effectiveVirtualHost());
		this.consumer.setRequestedHeartBeat(options.heartbeat());
		this.consumer.setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, options.connectionTimeout().toMillis()));
		this.consumer.setCloseTimeout(2000);
		this.consumer.setChannelCacheSize(options.connectionPoolSize());
		String program = program();
		this.consumer.setConnectionNameStrategy(
				(factory) -> program + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID());
		this.consumer.setPublisherConfirmType(ConfirmType.NONE);
		this.publisher = (CachingConnectionFactory) Objects
			.requireNonNull(this.consumer.getPublisherConnectionFactory());
		this.publisher.setPublisherConfirmType(options.confirmPublish() ? ConfirmType.SIMPLE : ConfirmType.NONE);
		// Spring copies the addresses to the publisher factory, but not the shuffle mode
		this.publisher.setAddressShuffleMode(shuffle);
		this.publisher.setBeanName("oslo4j-publisher");
		this.consumer.setBeanName("oslo4j-consumer");
		this.consumer.addConnectionListener(new ConnectionListener() {

			@Override
			public void onCreate(Connection connection) {
				RabbitConnectionFactories.this.consumerConnected = true;
				RabbitConnectionFactories.this.everConnected = true;
				RabbitConnectionFactories.this.lastTlsFailure = null;
			}

			@Override
			public void onFailed(Exception failure) {
				tlsFailed(maskedUrl, failure);
			}

			@Override
			public void onClose(Connection connection) {
				RabbitConnectionFactories.this.consumerConnected = false;
			}

			@Override
			public void onShutDown(ShutdownSignalException signal) {
				RabbitConnectionFactories.this.consumerConnected = false;
			}

		});
	}

	/**
	 * Applies a customizer to the amqp-client factory both connections are made with.
	 * @param customizer the customizer
	 * @throws IllegalStateException once a connection was opened: it would not apply to
	 * it
	 */
	void customize(RabbitConnectionFactoryCustomizer customizer) {
		if (this.everConnected) {
			throw new IllegalStateException(
					"The transport has connected already; customize its connection factory " + "before it connects");
		}
		customizer.customize(this.consumer.getRabbitConnectionFactory());
	}

	private void tlsFailed(String maskedUrl, Throwable failure) {
		boolean tls = false;
		for (Throwable cause = failure; cause != null && !tls; cause = cause.getCause()) {
			tls = cause instanceof SSLException || cause instanceof CertificateException;
		}
		String description = BrokerErrors.describe(failure);
		if (tls && !description.equals(this.lastTlsFailure)) {
			this.lastTlsFailure = description;
			logger.warn("Cannot connect to {}: {}", maskedUrl, description);
		}
	}

	/**
	 * Returns whether the consumer connection is open, without opening it.
	 * @return whether it is open
	 */
	boolean consumerConnected() {
		return this.consumerConnected;
	}

	/**
	 * Returns the factory of the consumer connection, also used for declarations.
	 * @return the consumer connection factory
	 */
	CachingConnectionFactory consumer() {
		return this.consumer;
	}

	/**
	 * Returns the factory of the publisher connection (SIMPLE publisher confirms when
	 * {@code confirm_publish} is on).
	 * @return the publisher connection factory
	 */
	CachingConnectionFactory publisher() {
		return this.publisher;
	}

	/**
	 * Closes both connections. Idempotent.
	 */
	@Override
	public void close() {
		this.consumer.destroy();
		this.publisher.destroy();
	}

	private static String program() {
		String command = System.getProperty("sun.java.command", "");
		String first = command.isBlank() ? "java" : command.split(" ", 2)[0];
		int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
		return first.substring(slash + 1);
	}

}
