package io.oslo4j.rpc.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base class of transports: holds the URL and settings and implements
 * {@link #component(Class, Function)} and the closing of components (after which no
 * component is handed out: {@link IllegalStateException}).
 */
public abstract class AbstractTransport implements Transport {

	private static final Logger logger = LoggerFactory.getLogger(AbstractTransport.class);

	private final TransportUrl url;

	private final TransportSettings settings;

	private final Map<Class<?>, Object> components = new ConcurrentHashMap<>();

	private volatile boolean componentsClosed;

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

	/**
	 * {@inheritDoc}
	 * <p>
	 * A component made while {@link #closeComponents()} runs is closed at once and
	 * refused, so none outlives the transport.
	 */
	@Override
	public <T> T component(Class<T> type, Function<Transport, T> factory) {
		checkComponentsOpen(type);
		T component = type.cast(this.components.computeIfAbsent(type, (key) -> factory.apply(this)));
		if (this.componentsClosed) {
			this.components.remove(type);
			close(component);
			checkComponentsOpen(type);
		}
		return component;
	}

	/**
	 * Returns the component of a type if one was made, without making one: for read-only
	 * views (an actuator endpoint, for instance) that must not change the transport.
	 * @param <T> the component type
	 * @param type the component type
	 * @return the component, or {@code null} when none was made or the transport is
	 * closed
	 */
	public <T> @Nullable T existingComponent(Class<T> type) {
		return type.cast(this.components.get(type));
	}

	private void checkComponentsOpen(Class<?> type) {
		if (this.componentsClosed) {
			throw new IllegalStateException(
					"Transport " + this.url + " is closed: no " + type.getSimpleName() + " can be made on it");
		}
	}

	/**
	 * Refuses new components from now on and closes every {@link AutoCloseable} one; call
	 * first from {@link #close()}.
	 */
	protected void closeComponents() {
		this.componentsClosed = true;
		List<Object> all = new ArrayList<>(this.components.values());
		this.components.clear();
		all.forEach(this::close);
	}

	private void close(Object component) {
		if (component instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.warn("Failed to close {} of transport {}", component, this.url, ex);
			}
		}
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.url + "]";
	}

}
