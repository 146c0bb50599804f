package io.oslo4j.rpc.transport.fake;

/**
 * Access to the JVM's in-memory brokers, one per virtual host of {@code fake://} URLs
 * ({@code fake:///name} names the virtual host {@code name}), for test harnesses.
 */
public final class FakeBrokers {

	private FakeBrokers() {
	}

	/**
	 * Adds a tap to the broker of a virtual host, creating the broker if needed.
	 * @param virtualHost the virtual host, as {@code TransportUrl.effectiveVirtualHost()}
	 * gives it
	 * @param tap the tap
	 */
	public static void addTap(String virtualHost, FakeTap tap) {
		FakeBroker.forVirtualHost(virtualHost).taps().add(tap);
	}

	/**
	 * Removes a tap added by {@link #addTap}; does nothing when it is not there.
	 * @param virtualHost the virtual host
	 * @param tap the tap
	 */
	public static void removeTap(String virtualHost, FakeTap tap) {
		FakeBroker.forVirtualHost(virtualHost).taps().remove(tap);
	}

	/**
	 * Forgets the broker of a virtual host, with its queues and messages, so that its
	 * memory is freed once the transports on it are closed. Transports still open keep
	 * using it; a transport made later on the same virtual host gets a new, empty broker.
	 * @param virtualHost the virtual host
	 */
	public static void discard(String virtualHost) {
		FakeBroker.discard(virtualHost);
	}

}
