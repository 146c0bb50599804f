package io.oslo4j.rpc.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@code @RpcClient} interfaces of the application's packages
 * ({@link AutoConfigurationPackages}) unless {@link EnableRpcClients} chose the packages.
 */
class AutoConfiguredRpcClientsRegistrar extends AbstractRpcClientsRegistrar implements BeanFactoryAware {

	private static final Logger logger = LoggerFactory.getLogger(AutoConfiguredRpcClientsRegistrar.class);

	private @Nullable BeanFactory beanFactory;

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (registry.containsBeanDefinition(RpcClientsRegistrar.MARKER)) {
			return;
		}
		BeanFactory factory = this.beanFactory;
		if (factory == null || !AutoConfigurationPackages.has(factory)) {
			logger.debug("No auto-configuration packages: @RpcClient interfaces are not scanned");
			return;
		}
		scan(registry, AutoConfigurationPackages.get(factory));
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

}
