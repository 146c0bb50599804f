package io.oslo4j.rpc.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Scans packages for {@code @RpcClient} interfaces and registers a proxy bean for each.
 * Without this annotation, the application's packages (those of
 * {@code @SpringBootApplication}) are scanned; with it, only the packages it names
 * (default: the package of the annotated class).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(RpcClientsRegistrar.class)
public @interface EnableRpcClients {

	/**
	 * Alias of {@link #basePackages()}.
	 * @return the packages to scan
	 */
	String[] value() default {};

	/**
	 * Packages to scan for {@code @RpcClient} interfaces.
	 * @return the packages
	 */
	String[] basePackages() default {};

	/**
	 * Classes whose packages are scanned.
	 * @return the classes
	 */
	Class<?>[] basePackageClasses() default {};

}
