package io.oslo4j.rpc.boot.autoconfigure;

import java.util.Collection;

import io.oslo4j.rpc.annotation.RpcClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds {@code @RpcClient} interfaces in packages, as Spring Cloud OpenFeign finds
 * {@code @FeignClient}s, and registers one bean definition per interface (named after the
 * interface) whose instance is made by {@link RpcClientFactory#create(Class)}.
 */
final class RpcClientScanner {

	private final BeanDefinitionRegistry registry;

	private final Environment environment;

	private final ResourceLoader resourceLoader;

	private final @Nullable ClassLoader classLoader;

	RpcClientScanner(BeanDefinitionRegistry registry, Environment environment, ResourceLoader resourceLoader,
			@Nullable ClassLoader classLoader) {
		this.registry = registry;
		this.environment = environment;
		this.resourceLoader = resourceLoader;
		this.classLoader = classLoader;
	}

	/**
	 * Registers the interfaces found in the packages.
	 * @param packages the packages to scan
	 * @throws RpcDefinitionException when {@code @RpcClient} is on a class
	 */
	void register(Collection<String> packages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				this.environment) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent() && !definition.getMetadata().isAnnotation();
			}

		};
		scanner.setResourceLoader(this.resourceLoader);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RpcClient.class));
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				AnnotatedBeanDefinition annotated = (AnnotatedBeanDefinition) candidate;
				String className = annotated.getMetadata().getClassName();
				if (!annotated.getMetadata().isInterface()) {
					throw new RpcDefinitionException("@RpcClient", className,
							"@RpcClient can only be specified on an interface", null);
				}
				if (!this.registry.containsBeanDefinition(className)) {
					this.registry.registerBeanDefinition(className, definition(className, annotated));
				}
			}
		}
	}

	private RootBeanDefinition definition(String className, AnnotatedBeanDefinition annotated) {
		Class<?> iface = ClassUtils.resolveClassName(className, this.classLoader);
		Object name = annotated.getMetadata().getAnnotationAttributes(RpcClient.class.getName()).get("value");
		BeanFactory beanFactory = (BeanFactory) this.registry;
		RootBeanDefinition definition = new RootBeanDefinition(iface);
		definition.setTargetType(iface);
		definition.setInstanceSupplier(() -> beanFactory.getBean(RpcClientFactory.class).create(iface));
		definition.setAttribute(RpcClientFactory.CLIENT_NAME_ATTRIBUTE, name);
		definition.setPrimary(false);
		return definition;
	}

}
