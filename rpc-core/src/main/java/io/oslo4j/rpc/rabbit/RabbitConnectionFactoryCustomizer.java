package io.oslo4j.rpc.rabbit;

import com.rabbitmq.client.ConnectionFactory;

/**
 * Changes the amqp-client {@link ConnectionFactory} a {@link RabbitTransport} opens its
 * connections with, after oslo4j has applied the URL and the oslo options to it: a
 * {@code CredentialsProvider} (OAuth 2 tokens, rotated secrets), a
 * {@code MetricsCollector}, a {@code ThreadFactory}, client properties... Both of the
 * transport's connections (consumers and publishers) come from this one factory.
 * <p>
 * Apply it with {@link RabbitTransport#customizeConnectionFactory} before the transport
 * connects; in Spring Boot every bean of this type is applied, in {@code @Order}, to the
 * RPC transport and to a notification transport of its own.
 */
@FunctionalInterface
public interface RabbitConnectionFactoryCustomizer {

	/**
	 * Customizes the connection factory.
	 * @param connectionFactory the factory, configured from the URL and options
	 */
	void customize(ConnectionFactory connectionFactory);

}
