package io.oslo4j.rpc.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.oslo4j.rpc.transport.fake.FakeBrokers;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.StringUtils;

/**
 * Gives each application context it customizes a {@code fake://} broker of its own, and
 * forgets that broker when the context closes. All instances are equal, so that the
 * annotation does not split Spring's context cache: the broker is chosen when a context
 * is made, not when its cache key is.
 */
final class IsolatedBrokerContextCustomizer implements ContextCustomizer {

	/** The name of the property source this customizer adds. */
	static final String PROPERTY_SOURCE = "rpcTestIsolatedBroker";

	/** The prefix of the virtual hosts it makes. */
	static final String VIRTUAL_HOST_PREFIX = "rpc-test-";

	private static final String TRANSPORT_URL = "rpc.transport-url";

	private static final String NOTIFICATION_TRANSPORT_URL = "rpc.notifications.transport-url";

	private static final String CONFIGURATION_PROPERTIES = "configurationProperties";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		String virtualHost = VIRTUAL_HOST_PREFIX + UUID.randomUUID();
		String url = "fake:///" + virtualHost;
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(TRANSPORT_URL, url);
		ConfigurableEnvironment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty(NOTIFICATION_TRANSPORT_URL))) {
			// notifications on a broker of their own in production: on the test's here
			properties.put(NOTIFICATION_TRANSPORT_URL, url);
		}
		MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE, properties);
		MutablePropertySources sources = environment.getPropertySources();
		// below the test's own inlined properties, above the application's configuration
		if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
		}
		else if (sources.contains(CONFIGURATION_PROPERTIES)) {
			sources.addAfter(CONFIGURATION_PROPERTIES, source);
		}
		else {
			sources.addFirst(source);
		}
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				FakeBrokers.discard(virtualHost);
			}
		});
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
