package io.oslo4j.rpc.boot.autoconfigure;

import java.util.Collection;
import java.util.Map;

import io.oslo4j.rpc.annotation.RpcClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds {@code @RpcClient} interfaces in packages, as Spring Cloud OpenFeign finds
 * {@code @FeignClient}s, and registers one bean definition per interface (named after the
 * interface): a {@link RpcClientFactoryBean} whose constructor arguments are the
 * interface and its client name, which Spring AOT can write as code.
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
		Map<String, @Nullable Object> attributes = annotated.getMetadata()
			.getAnnotationAttributes(RpcClient.class.getName());
		Object name = (attributes != null) ? attributes.get("value") : null;
		String clientName = (name != null) ? name.toString() : "";
		RootBeanDefinition definition = new RootBeanDefinition(RpcClientFactoryBean.class);
		definition.setTargetType(ResolvableType.forClassWithGenerics(RpcClientFactoryBean.class, iface));
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, iface);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(1, clientName);
		definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, iface);
		definition.setAttribute(RpcClientFactory.CLIENT_NAME_ATTRIBUTE, clientName);
		definition.setPrimary(false);
		return definition;
	}

}
