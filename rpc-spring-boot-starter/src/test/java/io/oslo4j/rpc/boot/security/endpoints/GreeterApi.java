package io.oslo4j.rpc.boot.security.endpoints;

/**
 * The interface a JDK proxy of {@link JdkProxiedEndpoint} serves; it redeclares
 * {@code Object} methods and a method that the implementation makes an event listener.
 */
public interface GreeterApi {

	String greet(String name);

	@Override
	String toString();

	@Override
	int hashCode();

	void onFlush(String event);

}
