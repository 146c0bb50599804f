package io.oslo4j.rpc.boot.notify;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.GracefulStop;
import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.boot.autoconfigure.ServerStarter;
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
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Runs the application's {@code @RpcNotificationListener} methods. Once every singleton
 * exists it finds the annotated methods of the singleton beans and checks them (a bad one
 * fails startup, naming the bean and the method); methods with the same topics, exchange
 * and pool become the endpoints of one {@link NotificationListener}. No such method, no
 * listener and no queue.
 * <p>
 * As a {@link SmartLifecycle} in the default phase, registered after the RPC endpoint
 * registry, it starts the listeners after the RPC servers; with
 * {@code rpc.fail-fast=false} a listener that cannot start (broker down) is retried in
 * the background. On {@link #stop()} every listener stops taking messages, then those
 * being handled get up to {@code rpc.notifications.listener.shutdown-timeout} to finish.
 */
public class RpcNotificationListenerRegistry
		implements SmartLifecycle, SmartInitializingSingleton, BeanFactoryAware, EnvironmentAware {

	private static final Logger logger = LoggerFactory.getLogger(RpcNotificationListenerRegistry.class);

	private final RpcNotificationTransport transport;

	private final NotificationListenerOptions options;

	private final List<String> defaultTopics;

	private final boolean failFast;

	private final Map<ListenerKey, List<NotificationEndpoint>> endpoints = new LinkedHashMap<>();

	private final List<NotificationListener> listeners = new CopyOnWriteArrayList<>();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private @Nullable Environment environment;

	private volatile @Nullable ServerStarter starter;

	private volatile boolean running;

	/**
	 * Makes the registry.
	 * @param transport the notification transport
	 * @param options how listeners run (the pool is set per listener)
	 * @param defaultTopics the topics of methods that name none
	 * @param failFast whether a listener that cannot start fails startup
	 */
	public RpcNotificationListenerRegistry(RpcNotificationTransport transport, NotificationListenerOptions options,
			List<String> defaultTopics, boolean failFast) {
		this.transport = transport;
		this.options = options;
		this.defaultTopics = List.copyOf(defaultTopics);
		this.failFast = failFast;
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
	public synchronized void start() {
		if (this.running) {
			return;
		}
		ServerStarter listenerStarter = new ServerStarter(this.failFast);
		this.starter = listenerStarter;
		for (Map.Entry<ListenerKey, List<NotificationEndpoint>> entry : this.endpoints.entrySet()) {
			ListenerKey key = entry.getKey();
			NotificationListener listener = NotificationListener.create(this.transport.transport(), key.targets(),
					entry.getValue(), this.options.withPool(key.pool()));
			this.listeners.add(listener);
			listenerStarter.start(listener, "Notification listener on " + key, listener::start);
			logger.info("Notification listener on {} ({}) calls {}", key, this.transport.transport().url(),
					entry.getValue());
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		ServerStarter listenerStarter = this.starter;
		if (listenerStarter != null) {
			listenerStarter.close();
		}
		GracefulStop.stopAll(this.listeners, this.options.shutdownTimeout());
		this.listeners.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Returns the running listeners, one per topics, exchange and pool (empty without
	 * listener methods or once stopped).
	 * @return the listeners
	 */
	public List<NotificationListener> listeners() {
		return List.copyOf(this.listeners);
	}

	/**
	 * Returns why a listener has not started yet (with {@code rpc.fail-fast=false} it is
	 * retried in the background): the broker is unreachable, or it refused a declaration
	 * (a {@link io.oslo4j.rpc.rabbit.DeclarationException}, whose message says which
	 * option to set).
	 * @param listener one of {@link #listeners()}
	 * @return its last start failure, or {@code null} when it started
	 */
	public @Nullable RuntimeException startFailure(NotificationListener listener) {
		ServerStarter listenerStarter = this.starter;
		return (listenerStarter != null) ? listenerStarter.failure(listener) : null;
	}

}
