package io.oslo4j.rpc.boot.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the {@code @RpcClient} interfaces of the packages named by
 * {@link EnableRpcClients}, and marks the registry so that the application's packages are
 * not scanned as well.
 */
class RpcClientsRegistrar
		implements ImportBeanDefinitionRegistrar, EnvironmentAware, ResourceLoaderAware, BeanClassLoaderAware {

	/** Bean name of the marker that {@code @EnableRpcClients} was used. */
	static final String MARKER = RpcClientsRegistrar.class.getName() + ".explicit";

	private @Nullable Environment environment;

	private @Nullable ResourceLoader resourceLoader;

	private @Nullable ClassLoader classLoader;

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		Map<String, @Nullable Object> attributes = metadata.getAnnotationAttributes(EnableRpcClients.class.getName());
		Set<String> packages = new LinkedHashSet<>();
		if (attributes != null) {
			packages.addAll(Arrays.asList((String[]) attributes.get("value")));
			packages.addAll(Arrays.asList((String[]) attributes.get("basePackages")));
			for (Class<?> type : (Class<?>[]) attributes.get("basePackageClasses")) {
				packages.add(ClassUtils.getPackageName(type));
			}
		}
		packages.removeIf(String::isBlank);
		if (packages.isEmpty()) {
			packages.add(ClassUtils.getPackageName(metadata.getClassName()));
		}
		if (!registry.containsBeanDefinition(MARKER)) {
			registry.registerBeanDefinition(MARKER, new RootBeanDefinition(Marker.class));
		}
		new RpcClientScanner(registry, requireNonNull(this.environment), requireNonNull(this.resourceLoader),
				this.classLoader)
			.register(packages);
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	private static <T> T requireNonNull(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("Registrar was not initialized");
		}
		return value;
	}

	/**
	 * Marks that {@code @EnableRpcClients} chose the packages.
	 */
	static final class Marker {

	}

}
