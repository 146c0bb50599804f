package io.oslo4j.rpc.boot.autoconfigure;

import java.util.List;

import io.oslo4j.rpc.rabbit.RabbitConnectionFactoryCustomizer;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.transport.Transport;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Applies the application's {@link RabbitConnectionFactoryCustomizer} beans, in
 * {@code @Order}, to a RabbitMQ transport the starter made (the RPC transport, and a
 * notification transport of its own), before it connects. Other transports have no
 * amqp-client factory and are left alone.
 */
public final class RpcConnectionFactoryCustomizers {

	private RpcConnectionFactoryCustomizers() {
	}

	/**
	 * Customizes a transport's connection factory.
	 * @param transport the transport, not connected yet
	 * @param customizers the customizer beans
	 * @return the transport
	 */
	public static Transport apply(Transport transport, ObjectProvider<RabbitConnectionFactoryCustomizer> customizers) {
		if (transport instanceof RabbitTransport rabbit) {
			List<RabbitConnectionFactoryCustomizer> ordered = customizers.orderedStream().toList();
			ordered.forEach(rabbit::customizeConnectionFactory);
		}
		return transport;
	}

}
