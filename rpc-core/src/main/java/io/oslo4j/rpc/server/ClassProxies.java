package io.oslo4j.rpc.server;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.springframework.util.ClassUtils;

/**
 * Refuses an endpoint whose bean is a class proxy (CGLIB, as Spring makes for
 * {@code @Transactional}, {@code @Validated} or an aspect's advice) while one of its
 * callable methods is {@code final}: the proxy cannot override such a method, so a call
 * would run it on the proxy instance itself, without the advice (no transaction, no
 * validation, no security check) and with the proxy's unset fields. Refused at startup,
 * naming the method, rather than served silently or hidden.
 */
final class ClassProxies {

	private ClassProxies() {
	}

	/**
	 * Checks that a class proxy can advise every callable method.
	 * @param bean the endpoint bean
	 * @param type the endpoint's type
	 * @param methods its callable methods
	 * @throws IllegalArgumentException naming the first final method of a class proxy
	 */
	static void checkAdvisable(Object bean, Class<?> type, Iterable<EndpointMethod> methods) {
		Class<?> beanClass = bean.getClass();
		if (type.isInterface() || ClassUtils.getUserClass(beanClass) == beanClass) {
			return;
		}
		for (EndpointMethod method : methods) {
			if (Modifier.isFinal(method.method().getModifiers())) {
				throw new IllegalArgumentException(
						"Endpoint " + type.getName() + " is proxied (" + beanClass.getName() + ") but its method '"
								+ describe(method.method()) + "' is final: the proxy cannot intercept it, so an RPC "
								+ "call would skip the proxy's advice (transactions, validation, security). Remove "
								+ "'final', or make the method non-public if it is not an RPC method");
			}
		}
	}

	private static String describe(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + method.getName();
	}

}
