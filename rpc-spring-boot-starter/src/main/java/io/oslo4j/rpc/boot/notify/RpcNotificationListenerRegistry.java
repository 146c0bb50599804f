package io.oslo4j.rpc.boot.notify;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.GracefulStop;
import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.autoconfigure.RpcStartRetryProperties;
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
 * Each listener's options are those of {@code rpc.notifications.listener.*}, then of
 * every {@link RpcNotificationListenerCustomizer} bean in {@code @Order}.
 * <p>
 * As a {@link SmartLifecycle} in phase {@link #PHASE}, the phase of the RPC servers, it
 * starts after the transport connector, and stops together with the RPC servers, before
 * the transport; with {@code rpc.fail-fast=false} a listener that cannot start (broker
 * down) is retried in the background ({@code rpc.start-retry.*}). On
 * {@link #stop(Runnable)} every listener stops taking messages at once, then those being
 * handled get up to {@code rpc.notifications.listener.shutdown-timeout} to finish, on a
 * thread of its own, while the RPC servers drain theirs.
 */
public class RpcNotificationListenerRegistry
		implements SmartLifecycle, SmartInitializingSingleton, BeanFactoryAware, EnvironmentAware {

	/**
	 * The lifecycle phase of the notification listeners: the phase of the RPC servers
	 * ({@link RpcEndpointRegistry#PHASE}), so that both drain at once on shutdown.
	 */
	public static final int PHASE = RpcEndpointRegistry.PHASE;

	private static final Logger logger = LoggerFactory.getLogger(RpcNotificationListenerRegistry.class);

	private final RpcNotificationTransport transport;

	private final NotificationListenerOptions options;

	private final List<String> defaultTopics;

	private final boolean failFast;

	private final RpcStartRetryProperties startRetry;

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
		this.transport = transport;
		this.options = options;
		this.defaultTopics = List.copyOf(defaultTopics);
		this.failFast = failFast;
		this.startRetry = startRetry;
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
		ServerStarter listenerStarter = new ServerStarter(this.failFast, this.startRetry);
		this.starter = listenerStarter;
		for (Map.Entry<ListenerKey, List<NotificationEndpoint>> entry : this.endpoints.entrySet()) {
			ListenerKey key = entry.getKey();
			NotificationListener listener = NotificationListener.create(this.transport.transport(), key.targets(),
					entry.getValue(), customized(key.targets(), this.options.withPool(key.pool())));
			this.listeners.add(listener);
			listenerStarter.start(listener, "Notification listener on " + key, listener::start);
			logger.info("Notification listener on {} ({}) calls {}", key, this.transport.transport().url(),
					entry.getValue());
		}
		this.running = true;
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

	@Override
	public void stop() {
		GracefulStop.stopAll(stopTaking(), this.options.shutdownTimeout());
	}

	/**
	 * Stops every listener taking messages now, and lets those being handled finish on a
	 * thread of its own, within {@code rpc.notifications.listener.shutdown-timeout}; then
	 * runs the callback.
	 * @param callback told when the listeners have stopped
	 */
	@Override
	public void stop(Runnable callback) {
		List<NotificationListener> stopping = stopTaking();
		if (stopping.isEmpty()) {
			callback.run();
			return;
		}
		Thread drain = new Thread(() -> {
			try {
				GracefulStop.stopAll(stopping, this.options.shutdownTimeout());
			}
			finally {
				callback.run();
			}
		}, "oslo4j-notify-shutdown");
		drain.start();
	}

	private synchronized List<NotificationListener> stopTaking() {
		if (!this.running) {
			return List.of();
		}
		this.running = false;
		ServerStarter listenerStarter = this.starter;
		if (listenerStarter != null) {
			listenerStarter.close();
		}
		List<NotificationListener> stopping = List.copyOf(this.listeners);
		stopping.forEach(NotificationListener::stop);
		this.listeners.clear();
		return stopping;
	}

	@Override
	public int getPhase() {
		return PHASE;
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
