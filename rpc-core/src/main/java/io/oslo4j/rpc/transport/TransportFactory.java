package io.oslo4j.rpc.transport;

/**
 * Makes transports for some URL drivers; found with {@link java.util.ServiceLoader}.
 */
public interface TransportFactory {

	/**
	 * Returns whether this factory handles a driver name ({@code rabbit}, {@code fake},
	 * ...). The name has been normalized: {@code kombu} is already {@code rabbit}.
	 * @param driver the driver name
	 * @return whether it is supported
	 */
	boolean supports(String driver);

	/**
	 * Makes a transport.
	 * @param url the URL
	 * @param settings settings not in the URL
	 * @return the transport
	 */
	Transport create(TransportUrl url, TransportSettings settings);

}
