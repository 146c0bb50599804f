package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.GracefulStop;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.server.ContainerCallbacks;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.ClassUtils;

/**
 * Serves the application's {@code @RpcEndpoint} beans: on {@link #start()} it collects
 * them, groups them by topic (the annotation's, else {@code rpc.server.topic}) and starts
 * one {@link RpcServer} per topic, named {@code rpc.server.name}. No endpoint beans, no
 * server and no consumer.
 * <p>
 * Methods are read from the bean's user class and invoked on the bean itself, so
 * {@code @Transactional} or {@code @Validated} proxies stay in the path. A JDK interface
 * proxy is not an instance of its class: it is served through the interfaces it proxies
 * (one endpoint per interface, same namespace and version), so only interface methods are
 * callable; use class proxies ({@code spring.aop.proxy-target-class=true}, Boot's
 * default) to serve every public method. Methods Spring calls are never callable: the
 * core's rules refuse framework methods and annotated callbacks, and the init and destroy
 * methods the bean definition names are passed on ({@link EndpointBeanCallbacks}). A
 * class proxy with a {@code final} public method fails startup, as the proxy's advice
 * could not run around it.
 * <p>
 * Each server's options are those of {@code rpc.server.*}, then of every
 * {@link RpcServerCustomizer} bean in {@code @Order}.
 * <p>
 * It runs in phase {@link #PHASE}: after the transport has started connecting
 * ({@link RpcTransportConnector#PHASE}), and on shutdown in the same phase as the
 * notification listeners and Spring Boot's graceful shutdown of a web server, so that all
 * of them drain at once. On {@link #stop(Runnable)} every server stops taking messages at
 * once, then requests in flight get up to {@code rpc.server.shutdown-timeout} to finish
 * and send their replies, on a thread of their own. With {@code rpc.fail-fast=false} a
 * server that cannot start (broker down) is retried in the background.
 */
public class RpcEndpointRegistry implements SmartLifecycle, ApplicationContextAware {

	/**
	 * The lifecycle phase of the RPC servers: they start after the transport connector
	 * and stop before it, together with the notification listeners and a web server's
	 * graceful shutdown ({@code SmartLifecycle.DEFAULT_PHASE - 1024}).
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

	private static final Logger logger = LoggerFactory.getLogger(RpcEndpointRegistry.class);

	private final Transport transport;

	private final RpcProperties properties;

	private final RpcServerOptions options;

	private final @Nullable String defaultTopic;

	private final String serverName;

	private final List<RpcServer> servers = new CopyOnWriteArrayList<>();

	private @Nullable ApplicationContext applicationContext;

	private volatile @Nullable ServerStarter starter;

	private volatile boolean running;

	// the longest of the servers' shutdown timeouts (a customizer may change them)
	private volatile Duration shutdownTimeout;

	/**
	 * Makes the registry.
	 * @param transport the transport to serve on
	 * @param properties the configuration
	 * @param options how servers run
	 * @param defaultTopic the topic of endpoints that name none, or {@code null}
	 * @param serverName the server name
	 */
	public RpcEndpointRegistry(Transport transport, RpcProperties properties, RpcServerOptions options,
			@Nullable String defaultTopic, String serverName) {
		this.transport = transport;
		this.properties = properties;
		this.options = options;
		this.defaultTopic = defaultTopic;
		this.serverName = serverName;
		this.shutdownTimeout = options.shutdownTimeout();
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
		this.applicationContext = applicationContext;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		Map<String, List<Endpoint>> byTopic = collect();
		ServerStarter serverStarter = new ServerStarter(this.properties.isFailFast(), this.properties.getStartRetry());
		this.starter = serverStarter;
		for (Map.Entry<String, List<Endpoint>> entry : byTopic.entrySet()) {
			Target target = Target.server(entry.getKey(), this.serverName);
			RpcServerOptions serverOptions = customized(target);
			if (serverOptions.shutdownTimeout().compareTo(this.shutdownTimeout) > 0) {
				this.shutdownTimeout = serverOptions.shutdownTimeout();
			}
			RpcServer server = new RpcServer(this.transport, target, entry.getValue(), serverOptions);
			this.servers.add(server);
			serverStarter.start(server);
			logger.info("RPC server {} on {} serves {}", server.target(), this.transport.url(), entry.getValue());
		}
		this.running = true;
	}

	private RpcServerOptions customized(Target target) {
		RpcServerOptions customized = this.options;
		ApplicationContext context = this.applicationContext;
		if (context != null) {
			for (RpcServerCustomizer customizer : context.getBeanProvider(RpcServerCustomizer.class)
				.orderedStream()
				.toList()) {
				customized = customizer.customize(target, customized);
			}
		}
		return customized;
	}

	private Map<String, List<Endpoint>> collect() {
		ApplicationContext context = this.applicationContext;
		Map<String, List<Endpoint>> byTopic = new LinkedHashMap<>();
		if (context == null) {
			return byTopic;
		}
		for (Map.Entry<String, Object> bean : context.getBeansWithAnnotation(RpcEndpoint.class).entrySet()) {
			RpcEndpoint annotation = context.findAnnotationOnBean(bean.getKey(), RpcEndpoint.class);
			if (annotation == null) {
				continue;
			}
			String topic = annotation.topic().isEmpty() ? this.defaultTopic : annotation.topic();
			if (topic == null) {
				throw new RpcConfigurationException("rpc.server.topic",
						"@RpcEndpoint bean '" + bean.getKey() + "' names no topic and neither rpc.server.topic nor "
								+ "spring.application.name is set",
						"rpc.server.topic=inventory (or spring.application.name=inventory)", null);
			}
			ContainerCallbacks callbacks = EndpointBeanCallbacks.of(context, bean.getKey(), bean.getValue());
			byTopic.computeIfAbsent(topic, (t) -> new ArrayList<>())
				.addAll(endpoints(bean.getValue(), annotation, callbacks));
		}
		return byTopic;
	}

	static List<Endpoint> endpoints(Object bean, RpcEndpoint annotation, ContainerCallbacks callbacks) {
		Class<?> userClass = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		RpcDefinitionCheck.version("@RpcEndpoint", userClass.getName(), annotation.version());
		try {
			if (userClass.isInstance(bean)) {
				return List.of(Endpoint.of(bean, userClass, annotation.namespace(), annotation.version(), callbacks));
			}
			List<Endpoint> endpoints = new ArrayList<>();
			for (Class<?> iface : AopProxyUtils.proxiedUserInterfaces(bean)) {
				endpoints.add(Endpoint.of(bean, iface, annotation.namespace(), annotation.version(), callbacks));
			}
			logger.info("@RpcEndpoint {} is a JDK proxy: only the methods of {} are callable", userClass.getName(),
					endpoints.stream().map((endpoint) -> endpoint.type().getName()).toList());
			return endpoints;
		}
		catch (IllegalArgumentException ex) {
			throw new RpcDefinitionException("@RpcEndpoint", userClass.getName(), String.valueOf(ex.getMessage()), ex);
		}
	}

	@Override
	public void stop() {
		List<RpcServer> stopping = stopTaking();
		GracefulStop.stopAll(stopping, this.shutdownTimeout);
	}

	/**
	 * Stops every server taking messages now, and lets the requests in flight finish on a
	 * thread of its own, within {@code rpc.server.shutdown-timeout}; then runs the
	 * callback.
	 * @param callback told when the servers have stopped
	 */
	@Override
	public void stop(Runnable callback) {
		List<RpcServer> stopping = stopTaking();
		if (stopping.isEmpty()) {
			callback.run();
			return;
		}
		Thread drain = new Thread(() -> {
			try {
				GracefulStop.stopAll(stopping, this.shutdownTimeout);
			}
			finally {
				callback.run();
			}
		}, "oslo4j-rpc-shutdown");
		drain.start();
	}

	private synchronized List<RpcServer> stopTaking() {
		if (!this.running) {
			return List.of();
		}
		this.running = false;
		ServerStarter serverStarter = this.starter;
		if (serverStarter != null) {
			serverStarter.close();
		}
		List<RpcServer> stopping = List.copyOf(this.servers);
		stopping.forEach(RpcServer::stop);
		this.servers.clear();
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
	 * Returns the servers, one per topic (empty without endpoint beans or once stopped).
	 * @return the servers
	 */
	public List<RpcServer> servers() {
		return List.copyOf(this.servers);
	}

	/**
	 * Returns why a server has not started yet (with {@code rpc.fail-fast=false} it is
	 * retried in the background): the broker is unreachable, or it refused a declaration
	 * (a {@link io.oslo4j.rpc.rabbit.DeclarationException}, whose message says which
	 * option to set).
	 * @param server one of {@link #servers()}
	 * @return its last start failure, or {@code null} when it started
	 */
	public @Nullable RuntimeException startFailure(RpcServer server) {
		ServerStarter serverStarter = this.starter;
		return (serverStarter != null) ? serverStarter.failure(server) : null;
	}

}
