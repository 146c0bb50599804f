package io.oslo4j.rpc.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartFactoryBean;

/**
 * Makes the bean of one {@code @RpcClient} interface, through
 * {@link RpcClientFactory#create(Class)}. The interface and the client name are its
 * constructor arguments, so that Spring AOT writes its bean definition as code and an
 * AOT-processed application or a native image registers the same clients. The proxy is
 * made at startup, so that a mistake in the interface fails startup.
 * <p>
 * The starter registers one per interface it finds; applications need not use it
 * directly.
 *
 * @param <T> the interface type
 */
public final class RpcClientFactoryBean<T> implements SmartFactoryBean<T>, BeanFactoryAware {

	private final Class<T> type;

	private final String clientName;

	private @Nullable BeanFactory beanFactory;

	/**
	 * Makes the factory bean of an interface.
	 * @param type the {@code @RpcClient} interface
	 * @param clientName the client name of its annotation (the {@code rpc.clients.<name>}
	 * entry that configures it)
	 */
	public RpcClientFactoryBean(Class<T> type, String clientName) {
		this.type = type;
		this.clientName = clientName;
	}

	/**
	 * Makes the proxy of the interface with the {@link RpcClientFactory} bean.
	 * @return the proxy
	 * @throws IllegalStateException when Spring did not initialize this factory bean
	 * @throws RpcDefinitionException naming the interface and method when it cannot be
	 * mapped
	 */
	@Override
	public T getObject() {
		BeanFactory factory = this.beanFactory;
		if (factory == null) {
			throw new IllegalStateException("The factory bean of " + this.type.getName()
					+ " was not initialized by Spring: register it as a bean");
		}
		return factory.getBean(RpcClientFactory.class).create(this.type);
	}

	@Override
	public Class<T> getObjectType() {
		return this.type;
	}

	/**
	 * Makes the proxy at startup, as a plain bean would be.
	 * @return {@code true}
	 */
	@Override
	public boolean isEagerInit() {
		return true;
	}

	/**
	 * Returns the interface.
	 * @return the {@code @RpcClient} interface
	 */
	public Class<T> getType() {
		return this.type;
	}

	/**
	 * Returns the client name.
	 * @return the client name of the interface's annotation
	 */
	public String getClientName() {
		return this.clientName;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = beanFactory;
	}

}
