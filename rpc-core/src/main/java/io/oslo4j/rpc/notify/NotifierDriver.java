package io.oslo4j.rpc.notify;

/**
 * How a {@link Notifier} emits notifications ({@code [oslo_messaging_notifications]
 * driver}).
 */
public enum NotifierDriver {

	/** {@code messagingv2}: over the transport, in the 2.0 envelope. The default. */
	MESSAGING_V2("messagingv2"),

	/** {@code messaging}: over the transport as a bare dict (format 1.0). */
	MESSAGING("messaging"),

	/**
	 * {@code log}: logged as JSON to the SLF4J logger
	 * {@code oslo.messaging.notification.<event_type>}.
	 */
	LOG("log"),

	/** {@code noop}: notifications are dropped. */
	NOOP("noop");

	private final String configName;

	NotifierDriver(String configName) {
		this.configName = configName;
	}

	/**
	 * Returns the name used in oslo's configuration.
	 * @return e.g. {@code messagingv2}
	 */
	public String configName() {
		return this.configName;
	}

	/**
	 * Returns the driver of a configuration name ({@code messagingv2}, {@code messaging},
	 * {@code log}, {@code noop}; {@code routing} and {@code test} are not supported).
	 * @param name the name
	 * @return the driver
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static NotifierDriver fromConfigName(String name) {
		for (NotifierDriver driver : values()) {
			if (driver.configName.equals(name)) {
				return driver;
			}
		}
		throw new IllegalArgumentException("Unknown notification driver '" + name + "'");
	}

}
