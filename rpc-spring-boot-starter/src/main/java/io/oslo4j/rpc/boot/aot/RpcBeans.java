package io.oslo4j.rpc.boot.aot;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.oslo4j.rpc.annotation.RpcClient;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.annotation.RpcNotificationListener;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * What an application declares that oslo4j reaches by reflection or proxies at run time,
 * as found in its bean factory at build time: the {@code @RpcClient} interfaces, the
 * {@code @RpcEndpoint} classes, the {@code @RpcNotificationListener} methods and the
 * exception types named by {@code rpc.allowed-remote-exceptions}.
 *
 * @param clients the {@code @RpcClient} interfaces
 * @param endpoints the user classes of the {@code @RpcEndpoint} beans
 * @param listeners the {@code @RpcNotificationListener} methods
 * @param allowedExceptions the allowed remote exception types that could be loaded
 */
record RpcBeans(Set<Class<?>> clients, Set<Class<?>> endpoints, Set<Method> listeners,
		Set<Class<?>> allowedExceptions) {

	private static final String ALLOWED_EXCEPTIONS = "rpc.allowed-remote-exceptions";

	/**
	 * Finds what the beans of a factory declare.
	 * @param beanFactory the bean factory, refreshed for AOT processing
	 * @return what was found
	 */
	static RpcBeans find(ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> clients = new LinkedHashSet<>();
		Set<Class<?>> endpoints = new LinkedHashSet<>();
		Set<Method> listeners = new LinkedHashSet<>();
		for (String beanName : beanFactory.getBeanDefinitionNames()) {
			Class<?> beanType = beanFactory.getType(beanName, false);
			if (beanType == null) {
				continue;
			}
			Class<?> type = ClassUtils.getUserClass(beanType);
			if (type.isInterface() && AnnotatedElementUtils.hasAnnotation(type, RpcClient.class)) {
				clients.add(type);
			}
			if (AnnotatedElementUtils.hasAnnotation(type, RpcEndpoint.class)) {
				endpoints.add(type);
			}
			listeners.addAll(MethodIntrospector
				.selectMethods(type,
						(MethodIntrospector.MetadataLookup<RpcNotificationListener>) (method) -> AnnotatedElementUtils
							.findMergedAnnotation(method, RpcNotificationListener.class))
				.keySet());
		}
		return new RpcBeans(clients, endpoints, listeners,
				allowedExceptions(beanFactory, beanFactory.getBeanClassLoader()));
	}

	boolean isEmpty() {
		return this.clients.isEmpty() && this.endpoints.isEmpty() && this.listeners.isEmpty()
				&& this.allowedExceptions.isEmpty();
	}

	/**
	 * Loads the types {@code rpc.allowed-remote-exceptions} names; a name that cannot be
	 * loaded is left to fail at startup, where its error names the property.
	 */
	private static Set<Class<?>> allowedExceptions(ConfigurableListableBeanFactory beanFactory,
			@Nullable ClassLoader classLoader) {
		Set<Class<?>> types = new LinkedHashSet<>();
		if (!beanFactory.containsBean("environment")) {
			return types;
		}
		Environment environment = beanFactory.getBean("environment", Environment.class);
		List<String> names = Binder.get(environment)
			.bind(ALLOWED_EXCEPTIONS, Bindable.listOf(String.class))
			.orElse(List.of());
		for (String name : names) {
			if (ClassUtils.isPresent(name.trim(), classLoader)) {
				types.add(ClassUtils.resolveClassName(name.trim(), classLoader));
			}
		}
		return types;
	}

}
