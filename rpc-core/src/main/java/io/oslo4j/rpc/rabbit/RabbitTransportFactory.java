package io.oslo4j.rpc.rabbit;

import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportFactory;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;

/**
 * Makes {@link RabbitTransport}s for {@code rabbit://} URLs ({@code kombu://} is mapped
 * to {@code rabbit} by the URL parser). Registered with {@link java.util.ServiceLoader}.
 */
public class RabbitTransportFactory implements TransportFactory {

	/** The driver name. */
	public static final String DRIVER = "rabbit";

	@Override
	public boolean supports(String driver) {
		return DRIVER.equals(driver);
	}

	@Override
	public Transport create(TransportUrl url, TransportSettings settings) {
		return new RabbitTransport(url, settings);
	}

}
