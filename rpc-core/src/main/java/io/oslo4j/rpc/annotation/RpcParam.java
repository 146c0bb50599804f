package io.oslo4j.rpc.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the RPC keyword argument a parameter is bound to, when it differs from the
 * parameter name or the code is not compiled with {@code -parameters}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RpcParam {

	/**
	 * The argument name on the wire.
	 * @return the name
	 */
	String value();

}
