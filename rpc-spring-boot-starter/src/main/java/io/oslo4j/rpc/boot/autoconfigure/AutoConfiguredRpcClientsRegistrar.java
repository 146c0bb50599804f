package io.oslo4j.rpc.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@code @RpcClient} interfaces of the application's packages
 * ({@link AutoConfigurationPackages}) unless {@link EnableRpcClients} chose the packages.
 */
class AutoConfiguredRpcClientsRegistrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware, EnvironmentAware,
		ResourceLoaderAware, BeanClassLoaderAware {

	private static final Logger logger = LoggerFactory.getLogger(AutoConfiguredRpcClientsRegistrar.class);

	private @Nullable BeanFactory beanFactory;

	private @Nullable Environment environment;

	private @Nullable ResourceLoader resourceLoader;

	private @Nullable ClassLoader classLoader;

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (registry.containsBeanDefinition(RpcClientsRegistrar.MARKER)) {
			return;
		}
		BeanFactory factory = this.beanFactory;
		if (factory == null || !AutoConfigurationPackages.has(factory) || this.environment == null
				|| this.resourceLoader == null) {
			logger.debug("No auto-configuration packages: @RpcClient interfaces are not scanned");
			return;
		}
		new RpcClientScanner(registry, this.environment, this.resourceLoader, this.classLoader)
			.register(AutoConfigurationPackages.get(factory));
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
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

}
