package io.oslo4j.rpc.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An RPC method: on an {@link RpcClient} interface method, the method it calls; on an
 * endpoint method, the name it is called by, and, under the explicit access policy
 * ({@code rpc.server.access-policy=explicit}, oslo's {@code ExplicitRPCAccessPolicy} and
 * {@code @expose}), the mark that makes it callable at all. A name given here is used as
 * it is: the naming strategy ({@code rpc.naming.methods}) never renames it.
 * <pre class="code">
 * &#064;RpcMethod("build_and_run_instance")
 * void buildAndRunInstance(RequestSpec requestSpec, String node);
 * </pre> Two endpoint methods of one endpoint that end up with the same wire name fail
 * startup, naming both.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RpcMethod {

	/**
	 * The method name on the wire; empty for the Java name under the naming strategy.
	 * @return the wire name
	 */
	String value() default "";

}
