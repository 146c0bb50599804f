package io.oslo4j.rpc.kafka;

import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportFactory;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;

/**
 * Makes {@link KafkaTransport}s for {@code kafka://} URLs. Registered with
 * {@link java.util.ServiceLoader}: having this module on the classpath is all it takes.
 */
public class KafkaTransportFactory implements TransportFactory {

	/** The driver name. */
	public static final String DRIVER = "kafka";

	@Override
	public boolean supports(String driver) {
		return DRIVER.equals(driver);
	}

	@Override
	public Transport create(TransportUrl url, TransportSettings settings) {
		return new KafkaTransport(url, settings);
	}

}
