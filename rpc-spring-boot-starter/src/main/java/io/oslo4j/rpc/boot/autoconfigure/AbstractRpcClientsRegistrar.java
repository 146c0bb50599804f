package io.oslo4j.rpc.boot.autoconfigure;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * What both {@code @RpcClient} registrars need: the environment, resource loader and
 * class loader Spring hands them, and a {@link RpcClientScanner} built from those.
 */
abstract class AbstractRpcClientsRegistrar
		implements ImportBeanDefinitionRegistrar, EnvironmentAware, ResourceLoaderAware, BeanClassLoaderAware {

	private @Nullable Environment environment;

	private @Nullable ResourceLoader resourceLoader;

	private @Nullable ClassLoader classLoader;

	/**
	 * Registers the {@code @RpcClient} interfaces found in the packages.
	 * @param registry where to register them
	 * @param packages the packages to scan
	 * @throws IllegalStateException when Spring did not initialize this registrar
	 */
	protected final void scan(BeanDefinitionRegistry registry, Collection<String> packages) {
		if (this.environment == null || this.resourceLoader == null) {
			throw new IllegalStateException(getClass().getSimpleName() + " was not initialized by Spring");
		}
		new RpcClientScanner(registry, this.environment, this.resourceLoader, this.classLoader).register(packages);
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
