package io.oslo4j.rpc.server;

import java.util.HashSet;
import java.util.Set;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;

/**
 * What a container calls on an endpoint bean that the endpoint's type alone does not
 * show, so that none of it is callable over RPC: the bean's target class (behind an
 * interface proxy, whose annotated methods, such as {@code @EventListener} ones, are
 * callbacks too) and the names of the methods its bean definition configures as callbacks
 * ({@code @Bean(initMethod = "open", destroyMethod = "teardown")}, and the inferred
 * destroy methods {@code close} and {@code shutdown}). Every method of the endpoint with
 * one of these names is refused, whatever its parameters.
 *
 * @param targetClass the class of the object behind the bean (the bean's own class when
 * it is not a proxy)
 * @param methodNames the names of methods the container calls by configuration
 */
public record ContainerCallbacks(Class<?> targetClass, Set<String> methodNames) {

	/**
	 * The method names a container infers as destroy methods when a bean definition asks
	 * for inference (Spring's {@code @Bean} default).
	 */
	public static final Set<String> INFERRED_DESTROY_METHODS = Set.of("close", "shutdown");

	public ContainerCallbacks {
		methodNames = Set.copyOf(methodNames);
	}

	/**
	 * Returns the callbacks that the bean itself shows: its target class (through a
	 * Spring AOP proxy) and no methods configured by name.
	 * @param bean the endpoint bean, possibly a proxy
	 * @return the callbacks
	 */
	public static ContainerCallbacks of(Object bean) {
		return new ContainerCallbacks(ClassUtils.getUserClass(AopUtils.getTargetClass(bean)), Set.of());
	}

	/**
	 * Returns these callbacks with more method names.
	 * @param names the names of further callback methods
	 * @return the callbacks
	 */
	public ContainerCallbacks withMethodNames(Set<String> names) {
		Set<String> all = new HashSet<>(this.methodNames);
		all.addAll(names);
		return new ContainerCallbacks(this.targetClass, all);
	}

}
