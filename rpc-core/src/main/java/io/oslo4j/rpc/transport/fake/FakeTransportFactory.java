package io.oslo4j.rpc.transport.fake;

import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportFactory;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;

/**
 * Makes {@link FakeTransport}s for the {@code fake} driver ({@code fake://},
 * {@code fake:///isolated-vhost}). Registered in {@code META-INF/services}.
 */
public class FakeTransportFactory implements TransportFactory {

	/** The driver name. */
	public static final String DRIVER = "fake";

	@Override
	public boolean supports(String driver) {
		return DRIVER.equals(driver);
	}

	@Override
	public Transport create(TransportUrl url, TransportSettings settings) {
		return new FakeTransport(url, settings);
	}

}
