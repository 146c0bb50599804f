package io.oslo4j.rpc.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base class of transports: holds the URL and settings and implements
 * {@link #component(Class, Function)} and the closing of components.
 */
public abstract class AbstractTransport implements Transport {

	private static final Logger logger = LoggerFactory.getLogger(AbstractTransport.class);

	private final TransportUrl url;

	private final TransportSettings settings;

	private final Map<Class<?>, Object> components = new ConcurrentHashMap<>();

	protected AbstractTransport(TransportUrl url, TransportSettings settings) {
		this.url = url;
		this.settings = settings;
	}

	@Override
	public TransportUrl url() {
		return this.url;
	}

	@Override
	public String controlExchange() {
		return this.settings.controlExchange();
	}

	/**
	 * Returns the settings this transport was made with.
	 * @return the settings
	 */
	public TransportSettings settings() {
		return this.settings;
	}

	@Override
	public <T> T component(Class<T> type, Function<Transport, T> factory) {
		return type.cast(this.components.computeIfAbsent(type, (key) -> factory.apply(this)));
	}

	/**
	 * Closes every {@link AutoCloseable} component; call first from {@link #close()}.
	 */
	protected void closeComponents() {
		List<Object> all = new ArrayList<>(this.components.values());
		this.components.clear();
		for (Object component : all) {
			if (component instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					logger.warn("Failed to close {} of transport {}", component, this.url, ex);
				}
			}
		}
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.url + "]";
	}

}
