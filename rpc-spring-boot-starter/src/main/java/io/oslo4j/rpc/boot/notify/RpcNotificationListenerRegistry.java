package io.oslo4j.rpc.boot.notify;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.boot.autoconfigure.AbstractConsumerRegistry;
import io.oslo4j.rpc.boot.autoconfigure.RpcStartRetryProperties;
import io.oslo4j.rpc.notify.NotificationEndpoint;
import io.oslo4j.rpc.notify.NotificationListener;
import io.oslo4j.rpc.notify.NotificationListenerOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Runs the application's {@code @RpcNotificationListener} methods. Once every singleton
 * exists it finds the annotated methods of the singleton beans and checks them (a bad one
 * fails startup, naming the bean and the method); methods with the same topics, exchange
 * and pool become the endpoints of one {@link NotificationListener}. No such method, no
 * listener and no queue.
 * <p>
 * Each listener's options are those of {@code rpc.notifications.listener.*}, then of
 * every {@link RpcNotificationListenerCustomizer} bean in {@code @Order}.
 * <p>
 * As a {@link org.springframework.context.SmartLifecycle} in phase {@link #PHASE}, the
 * phase of the RPC servers, it starts after the transport connector, and stops together
 * with the RPC servers, before the transport; with {@code rpc.fail-fast=false} a listener
 * that cannot start (broker down) is retried in the background
 * ({@code rpc.start-retry.*}). On {@link #stop(Runnable)} every listener stops taking
 * messages at once, then those being handled get up to
 * {@code rpc.notifications.listener.shutdown-timeout} to finish, on a thread of its own,
 * while the RPC servers drain theirs.
 */
public class RpcNotificationListenerRegistry extends AbstractConsumerRegistry<NotificationListener>
		implements SmartInitializingSingleton, BeanFactoryAware, EnvironmentAware {

	private static final Logger logger = LoggerFactory.getLogger(RpcNotificationListenerRegistry.class);

	private final RpcNotificationTransport transport;

	private final NotificationListenerOptions options;

	private final List<String> defaultTopics;

	private final Map<ListenerKey, List<NotificationEndpoint>> endpoints = new LinkedHashMap<>();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private @Nullable Environment environment;

	/**
	 * Makes the registry.
	 * @param transport the notification transport
	 * @param options how listeners run (the pool is set per listener)
	 * @param defaultTopics the topics of methods that name none
	 * @param failFast whether a listener that cannot start fails startup
	 */
	public RpcNotificationListenerRegistry(RpcNotificationTransport transport, NotificationListenerOptions options,
			List<String> defaultTopics, boolean failFast) {
		this(transport, options, defaultTopics, failFast, new RpcStartRetryProperties());
	}

	/**
	 * Makes the registry.
	 * @param transport the notification transport
	 * @param options how listeners run (the pool is set per listener)
	 * @param defaultTopics the topics of methods that name none
	 * @param failFast whether a listener that cannot start fails startup
	 * @param startRetry how a listener that cannot start is retried without fail-fast
	 */
	public RpcNotificationListenerRegistry(RpcNotificationTransport transport, NotificationListenerOptions options,
			List<String> defaultTopics, boolean failFast, RpcStartRetryProperties startRetry) {
		super(failFast, startRetry, options.shutdownTimeout(), "oslo4j-notify-shutdown");
		this.transport = transport;
		this.options = options;
		this.defaultTopics = List.copyOf(defaultTopics);
	}

	/**
	 * Returns how listeners run ({@code rpc.notifications.listener.*}); each listener
	 * sets its own pool.
	 * @return the listener options
	 */
	public NotificationListenerOptions options() {
		return this.options;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
			this.beanFactory = listable;
		}
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Finds and checks the annotated methods of every singleton bean.
	 * @throws io.oslo4j.rpc.boot.autoconfigure.RpcDefinitionException for a method that
	 * cannot be used
	 */
	@Override
	public void afterSingletonsInstantiated() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		Environment env = this.environment;
		if (factory == null || env == null) {
			return;
		}
		NotificationListenerMethods methods = new NotificationListenerMethods(env::resolveRequiredPlaceholders,
				this.defaultTopics, this.options.serializer());
		for (String beanName : factory.getBeanNamesForType(Object.class, false, false)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Map<Method, RpcNotificationListener> annotated = annotatedMethods(factory, beanName);
			if (annotated.isEmpty()) {
				continue;
			}
			Object bean = factory.getBean(beanName);
			for (Map.Entry<Method, RpcNotificationListener> entry : annotated.entrySet()) {
				NotificationListenerMethods.Found found = methods.create(beanName, bean, entry.getKey(),
						entry.getValue());
				this.endpoints.computeIfAbsent(found.key(), (key) -> new ArrayList<>()).add(found.endpoint());
			}
		}
	}

	private static Map<Method, RpcNotificationListener> annotatedMethods(ConfigurableListableBeanFactory factory,
			String beanName) {
		Class<?> type;
		try {
			type = AutoProxyUtils.determineTargetClass(factory, beanName);
		}
		catch (RuntimeException ex) {
			// a bean whose type cannot be resolved (as Spring's @EventListener support)
			logger.debug("Could not resolve the type of bean '{}'", beanName, ex);
			return Map.of();
		}
		return (type != null) ? NotificationListenerMethods.annotated(ClassUtils.getUserClass(type)) : Map.of();
	}

	@Override
	protected void startAll(Starter<NotificationListener> starter) {
		for (Map.Entry<ListenerKey, List<NotificationEndpoint>> entry : this.endpoints.entrySet()) {
			ListenerKey key = entry.getKey();
			NotificationListenerOptions listenerOptions = customized(key.targets(), this.options.withPool(key.pool()));
			shutdownTimeoutAtLeast(listenerOptions.shutdownTimeout());
			NotificationListener listener = NotificationListener.create(this.transport.transport(), key.targets(),
					entry.getValue(), listenerOptions);
			starter.start(listener, "Notification listener on " + key, listener::start);
			logger.info("Notification listener on {} ({}) calls {}", key, this.transport.transport().url(),
					entry.getValue());
		}
	}

	private NotificationListenerOptions customized(List<Target> targets, NotificationListenerOptions options) {
		NotificationListenerOptions customized = options;
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory != null) {
			for (RpcNotificationListenerCustomizer customizer : factory
				.getBeanProvider(RpcNotificationListenerCustomizer.class)
				.orderedStream()
				.toList()) {
				customized = customizer.customize(targets, customized);
			}
		}
		return customized;
	}

	/**
	 * Returns the running listeners, one per topics, exchange and pool (empty without
	 * listener methods or once stopped).
	 * @return the listeners
	 */
	public List<NotificationListener> listeners() {
		return consumers();
	}

}
