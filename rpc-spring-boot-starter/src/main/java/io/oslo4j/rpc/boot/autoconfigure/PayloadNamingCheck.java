package io.oslo4j.rpc.boot.autoconfigure;

import java.util.Arrays;
import java.util.List;

import io.oslo4j.rpc.naming.NamingStrategy;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.wire.WireCodec;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Refuses {@code rpc.naming.payloads} when the application defines its own
 * {@link Serializer} or {@link WireCodec} bean: the property configures the JSON mapper
 * the starter makes, so with a bean of the application's it would silently do nothing.
 */
final class PayloadNamingCheck {

	/** The starter's own beans, which apply the property. */
	private static final List<String> STARTER_BEANS = List.of("rpcSerializer", "rpcWireCodec");

	private PayloadNamingCheck() {
	}

	/**
	 * Checks that {@code rpc.naming.payloads} applies.
	 * @param naming the naming properties
	 * @param beanFactory where the serializer and codec beans are defined
	 * @throws RpcConfigurationException naming the application's bean when the property
	 * would not apply to it
	 */
	static void check(RpcNamingProperties naming, ListableBeanFactory beanFactory) {
		if (naming.getPayloads() == NamingStrategy.AS_IS) {
			return;
		}
		for (Class<?> type : List.of(Serializer.class, WireCodec.class)) {
			String own = Arrays.stream(beanFactory.getBeanNamesForType(type, true, false))
				.filter((name) -> !STARTER_BEANS.contains(name))
				.findFirst()
				.orElse(null);
			if (own != null) {
				throw new RpcConfigurationException("rpc.naming.payloads",
						"it configures the JSON mapper the starter makes, but the application defines its own "
								+ type.getSimpleName() + " bean '" + own + "', whose mapper it cannot change",
						"rpc.naming.payloads=as-is, and Jackson's PropertyNamingStrategies.SNAKE_CASE on the mapper of '"
								+ own + "' (or remove the bean)",
						null);
			}
		}
	}

}
