package io.oslo4j.rpc.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * Marks a class whose public methods can be called over RPC (an oslo endpoint). Its
 * {@code namespace} and {@code version} are the endpoint's target: a request is served
 * when its namespace matches and its version is compatible (same major, requested minor
 * at most this one). In Spring Boot the class is a component, served by the application's
 * RPC server on {@code topic} (default {@code rpc.server.topic}).
 * <p>
 * Callable: public methods declared by the class, its superclasses and its interfaces,
 * except those of {@code Object} and of JDK or framework types (lifecycle callbacks),
 * static methods, and names starting with {@code _}. Arguments are bound by parameter
 * name (compile with {@code -parameters}, or use {@link RpcParam}); a parameter of type
 * {@code io.oslo4j.rpc.RpcContext} receives the request context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface RpcEndpoint {

	/**
	 * The endpoint namespace; empty for none (the default, as in oslo).
	 * @return the namespace
	 */
	String namespace() default "";

	/**
	 * The implemented version, {@code "X.Y"}; oslo's default is {@code 1.0}.
	 * @return the version
	 */
	String version() default "1.0";

	/**
	 * The topic to serve this endpoint on; empty for the application's default topic.
	 * @return the topic
	 */
	String topic() default "";

}
