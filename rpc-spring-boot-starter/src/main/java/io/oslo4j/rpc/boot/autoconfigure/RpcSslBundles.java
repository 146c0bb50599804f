package io.oslo4j.rpc.boot.autoconfigure;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Spring Boot SSL bundles as the TLS of oslo4j transports: finds a bundle by name,
 * failing with the property that named it; its {@link SSLContext} goes to the transport
 * through {@link io.oslo4j.rpc.transport.TransportSettings#sslContext()}.
 */
public final class RpcSslBundles {

	private static final String EXAMPLE = "spring.ssl.bundle.pem.rabbit.truststore.certificate=classpath:rabbit-ca.pem "
			+ "(and rpc.rabbit.ssl.bundle=rabbit)";

	private RpcSslBundles() {
	}

	/**
	 * Returns the SSL context of {@code rpc.rabbit.ssl.bundle}.
	 * @param rabbit the properties
	 * @param bundles the application's SSL bundles, {@code null} when there are none
	 * @return the context, or {@code null} when no bundle is named
	 * @throws RpcConfigurationException when the bundle does not exist
	 */
	public static @Nullable SSLContext context(RpcRabbitProperties rabbit, @Nullable SslBundles bundles) {
		String name = rabbit.getSsl().getBundle();
		return (name != null) ? bundle("rpc.rabbit.ssl.bundle", name, bundles).createSslContext() : null;
	}

	/**
	 * Returns an SSL bundle.
	 * @param property the property that names it
	 * @param name its name
	 * @param bundles the application's SSL bundles, {@code null} when there are none
	 * @return the bundle
	 * @throws RpcConfigurationException when the bundle does not exist
	 */
	static SslBundle bundle(String property, String name, @Nullable SslBundles bundles) {
		if (bundles == null) {
			throw new RpcConfigurationException(property,
					"names SSL bundle '" + name + "', but the application has no SSL bundles (spring.ssl.bundle.*)",
					EXAMPLE, null);
		}
		try {
			return bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new RpcConfigurationException(property, "'" + name
					+ "' is not an SSL bundle of the application; its bundles are " + bundles.getBundleNames(), EXAMPLE,
					ex);
		}
	}

}
