package io.oslo4j.rpc.boot.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the {@code @RpcClient} interfaces of the packages named by
 * {@link EnableRpcClients}, and marks the registry so that the application's packages are
 * not scanned as well.
 */
class RpcClientsRegistrar extends AbstractRpcClientsRegistrar {

	/** Bean name of the marker that {@code @EnableRpcClients} was used. */
	static final String MARKER = RpcClientsRegistrar.class.getName() + ".explicit";

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
		scan(registry, packages);
	}

	/**
	 * Marks that {@code @EnableRpcClients} chose the packages.
	 */
	static final class Marker {

	}

}
