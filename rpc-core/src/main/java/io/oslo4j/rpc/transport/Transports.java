package io.oslo4j.rpc.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Makes a {@link Transport} from a URL (oslo's {@code get_rpc_transport}), choosing the
 * {@link TransportFactory} by the URL's driver: {@code rabbit://} (and {@code kombu://})
 * for RabbitMQ, {@code fake://} for the in-memory transport.
 */
public final class Transports {

	private static final List<TransportFactory> FACTORIES = load();

	private Transports() {
	}

	/**
	 * Makes a transport with oslo's default settings.
	 * @param url the transport URL
	 * @return the transport
	 * @throws InvalidTransportUrlException when the URL is malformed or names an unknown
	 * driver
	 */
	public static Transport create(String url) {
		return create(TransportUrl.parse(url), TransportSettings.defaults());
	}

	/**
	 * Makes a transport.
	 * @param url the transport URL
	 * @param settings the control exchange and driver options
	 * @return the transport
	 * @throws InvalidTransportUrlException when the URL names an unknown driver or an
	 * option the driver does not accept
	 */
	public static Transport create(TransportUrl url, TransportSettings settings) {
		for (TransportFactory factory : FACTORIES) {
			if (factory.supports(url.driver())) {
				return factory.create(url, settings);
			}
		}
		String hint = "kafka".equals(url.driver())
				? "; kafka:// (notifications only) needs the io.oslo4j:rpc-kafka module on the classpath" : "";
		throw new InvalidTransportUrlException(url.toString(), "Failed to load transport driver \"" + url.driver()
				+ "\": no driver found, looking for '" + url.driver() + "' (supported: rabbit, kombu, fake)" + hint);
	}

	private static List<TransportFactory> load() {
		List<TransportFactory> factories = new ArrayList<>();
		ServiceLoader.load(TransportFactory.class, Transports.class.getClassLoader()).forEach(factories::add);
		return List.copyOf(factories);
	}

}
