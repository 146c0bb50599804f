package io.oslo4j.rpc.boot.autoconfigure;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import io.oslo4j.rpc.server.ContainerCallbacks;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContext;

/**
 * Reads from an endpoint bean's definition which of its methods Spring calls by name, so
 * that none of them is callable over RPC: the init and destroy methods it configures
 * ({@code @Bean(initMethod = "openPool", destroyMethod = "teardown")}, XML
 * {@code init-method}), {@code close} and {@code shutdown} when the destroy method is
 * inferred (the {@code @Bean} default), and the callbacks that annotation processors
 * registered as externally managed.
 */
final class EndpointBeanCallbacks {

	private EndpointBeanCallbacks() {
	}

	/**
	 * Returns the container callbacks of an endpoint bean.
	 * @param context the application context
	 * @param beanName the bean's name
	 * @param bean the bean (possibly a proxy)
	 * @return its callbacks: its target class and the callback method names
	 */
	static ContainerCallbacks of(ApplicationContext context, String beanName, Object bean) {
		ContainerCallbacks callbacks = ContainerCallbacks.of(bean);
		if (!(context.getAutowireCapableBeanFactory() instanceof ConfigurableListableBeanFactory factory)
				|| !factory.containsBeanDefinition(beanName)) {
			return callbacks;
		}
		BeanDefinition definition = factory.getMergedBeanDefinition(beanName);
		Set<String> names = new LinkedHashSet<>();
		if (definition instanceof AbstractBeanDefinition beanDefinition) {
			addAll(names, beanDefinition.getInitMethodNames());
			String[] destroyMethods = beanDefinition.getDestroyMethodNames();
			if (destroyMethods != null) {
				for (String name : destroyMethods) {
					if (AbstractBeanDefinition.INFER_METHOD.equals(name)) {
						names.addAll(ContainerCallbacks.INFERRED_DESTROY_METHODS);
					}
					else {
						names.add(name);
					}
				}
			}
		}
		if (definition instanceof RootBeanDefinition root) {
			addQualified(names, root.getExternallyManagedInitMethods());
			addQualified(names, root.getExternallyManagedDestroyMethods());
		}
		return callbacks.withMethodNames(names);
	}

	private static void addAll(Set<String> names, String @Nullable [] methods) {
		if (methods != null) {
			for (String method : methods) {
				names.add(method);
			}
		}
	}

	private static void addQualified(Set<String> names, Collection<String> methods) {
		// a private method is registered with its class name: com.example.Api.open
		for (String method : methods) {
			names.add(method.substring(method.lastIndexOf('.') + 1));
		}
	}

}
