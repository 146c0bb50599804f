package io.oslo4j.rpc.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exceptions an endpoint method raises as part of its contract (oslo's
 * {@code @expected_exceptions}): they are sent back to the caller as usual but not logged
 * as server errors.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ExpectedExceptions {

	/**
	 * The expected exception types (subclasses included).
	 * @return the types
	 */
	Class<? extends Throwable>[] value();

}
