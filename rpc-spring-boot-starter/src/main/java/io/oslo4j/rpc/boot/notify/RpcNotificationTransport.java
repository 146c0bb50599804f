package io.oslo4j.rpc.boot.notify;

import java.util.Map;

import javax.net.ssl.SSLContext;

import io.oslo4j.rpc.boot.autoconfigure.RpcConfigurationException;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport notifications travel on: the RPC transport, or one of their own when
 * {@code rpc.notifications.transport-url} is set (oslo's
 * {@code get_notification_transport}). It is a bean of its own type, not a second
 * {@link Transport} bean, so that the RPC transport stays the only one injected by type.
 * Closing it closes only a transport it made.
 */
public final class RpcNotificationTransport implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RpcNotificationTransport.class);

	private static final String KAFKA = "kafka";

	private final Transport transport;

	private final boolean separate;

	private RpcNotificationTransport(Transport transport, boolean separate) {
		this.transport = transport;
		this.separate = separate;
	}

	/**
	 * Uses the RPC transport.
	 * @param transport the RPC transport
	 * @return the notification transport
	 */
	public static RpcNotificationTransport shared(Transport transport) {
		return new RpcNotificationTransport(transport, false);
	}

	/**
	 * Makes a transport of its own, with the RPC transport's settings (control exchange
	 * and {@code rpc.rabbit.*} options) and the TLS context of
	 * {@code rpc.rabbit.ssl.bundle}. Nothing is connected here: an
	 * {@code RpcTransportConnector} connects it when the context starts, and logs an
	 * unreachable broker; a notifier never fails its caller.
	 * @param url the notification transport URL
	 * @param rpcTransport the RPC transport, whose settings are reused
	 * @param sslContext the TLS context of {@code rpc.rabbit.ssl.bundle}, or {@code null}
	 * @return the notification transport
	 * @throws RpcConfigurationException when the URL's options are invalid
	 */
	public static RpcNotificationTransport separate(TransportUrl url, Transport rpcTransport,
			@Nullable SSLContext sslContext) {
		return separate(url, rpcTransport, sslContext, Map.of());
	}

	/**
	 * Makes a transport of its own, as
	 * {@link #separate(TransportUrl, Transport, SSLContext)} does; a {@code kafka://} URL
	 * gets the control exchange and the given Kafka options instead of the RPC
	 * transport's options.
	 * @param url the notification transport URL
	 * @param rpcTransport the RPC transport, whose settings are reused
	 * @param sslContext the TLS context of {@code rpc.rabbit.ssl.bundle}, or {@code null}
	 * @param kafkaOptions the {@code [oslo_messaging_kafka]} options
	 * ({@code rpc.notifications.kafka.*})
	 * @return the notification transport
	 * @throws RpcConfigurationException when the URL's options are invalid
	 */
	public static RpcNotificationTransport separate(TransportUrl url, Transport rpcTransport,
			@Nullable SSLContext sslContext, Map<String, String> kafkaOptions) {
		boolean kafka = KAFKA.equals(url.driver());
		TransportSettings settings = kafka ? new TransportSettings(rpcTransport.controlExchange(), kafkaOptions)
				: ((rpcTransport instanceof AbstractTransport known) ? known.settings()
						: new TransportSettings(rpcTransport.controlExchange(), Map.of()))
					.withSslContext(sslContext);
		Transport transport;
		try {
			transport = Transports.create(url, settings);
		}
		catch (InvalidTransportUrlException ex) {
			throw new RpcConfigurationException("rpc.notifications.transport-url", ex.getMessage(), kafka
					? "rpc.notifications.transport-url=kafka://kafka1.example.com:9092/ (with io.oslo4j:rpc-kafka "
							+ "on the classpath; options under rpc.notifications.kafka.options.*)"
					: "rpc.notifications.transport-url=rabbit://user:password@notify.example.com:5672/", ex);
		}
		logger.info("oslo4j: notifications use {} (from rpc.notifications.transport-url)", url);
		return new RpcNotificationTransport(transport, true);
	}

	/**
	 * Returns the transport.
	 * @return the transport
	 */
	public Transport transport() {
		return this.transport;
	}

	/**
	 * Returns whether this is a transport of its own (not the RPC one).
	 * @return whether notifications have their own transport
	 */
	public boolean isSeparate() {
		return this.separate;
	}

	/**
	 * Closes the transport if it is a separate one.
	 */
	@Override
	public void close() {
		if (this.separate) {
			this.transport.close();
		}
	}

	@Override
	public String toString() {
		return "RpcNotificationTransport[" + this.transport.url() + (this.separate ? ", separate" : ", shared") + "]";
	}

}
