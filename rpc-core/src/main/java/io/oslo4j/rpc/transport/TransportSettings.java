package io.oslo4j.rpc.transport;

import java.util.Map;

/**
 * What a transport needs besides its URL: the control exchange ({@code [DEFAULT]
 * control_exchange}, which oslo does not accept in the URL) and driver options by their
 * oslo names (e.g. {@code amqp_durable_queues}, {@code rabbit_qos_prefetch_count}). Query
 * options of the URL override these, as in oslo.
 *
 * @param controlExchange the exchange used when a target names none
 * @param options driver options by oslo name
 */
public record TransportSettings(String controlExchange, Map<String, String> options) {

	/** The default control exchange, {@code openstack}. */
	public static final String DEFAULT_CONTROL_EXCHANGE = "openstack";

	public TransportSettings {
		if (controlExchange.isBlank()) {
			throw new IllegalArgumentException("control exchange must not be blank");
		}
		options = Map.copyOf(options);
	}

	/**
	 * Returns oslo's defaults: control exchange {@code openstack}, no options.
	 * @return the default settings
	 */
	public static TransportSettings defaults() {
		return new TransportSettings(DEFAULT_CONTROL_EXCHANGE, Map.of());
	}

	public TransportSettings withControlExchange(String controlExchange) {
		return new TransportSettings(controlExchange, this.options);
	}

	public TransportSettings withOptions(Map<String, String> options) {
		return new TransportSettings(this.controlExchange, options);
	}

}
