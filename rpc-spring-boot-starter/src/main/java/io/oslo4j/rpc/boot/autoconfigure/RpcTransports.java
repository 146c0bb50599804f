package io.oslo4j.rpc.boot.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	static Transport create(RpcProperties properties, TransportUrl url) {
		String source = (properties.getTransportUrl() != null) ? "rpc.transport-url" : "spring.rabbitmq.*";
		TransportSettings settings = new TransportSettings(properties.getControlExchange(),
				properties.getRabbit().toOsloOptions());
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

	static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
