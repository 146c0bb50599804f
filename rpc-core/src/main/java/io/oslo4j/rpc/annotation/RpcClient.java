package io.oslo4j.rpc.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as an RPC client: each method is a call (returning a value or
 * {@code void}), an async call (returning {@code CompletableFuture}), a cast
 * ({@link RpcCast}) or a fanout cast ({@link RpcFanout}) to the method of the same name.
 * Attributes left empty come from {@code rpc.clients.<name>.*} in Spring Boot.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RpcClient {

	/**
	 * The client name, the key of its {@code rpc.clients.<name>} settings.
	 * @return the name
	 */
	String value();

	/**
	 * The topic; empty to take it from the settings or, failing that, the name.
	 * @return the topic
	 */
	String topic() default "";

	/**
	 * The version requested; empty for none.
	 * @return the version
	 */
	String version() default "";

	/**
	 * The namespace; empty for none.
	 * @return the namespace
	 */
	String namespace() default "";

	/**
	 * The server to direct messages to; empty for any server of the topic.
	 * @return the server
	 */
	String server() default "";

	/**
	 * The exchange; empty for the control exchange.
	 * @return the exchange
	 */
	String exchange() default "";

}
