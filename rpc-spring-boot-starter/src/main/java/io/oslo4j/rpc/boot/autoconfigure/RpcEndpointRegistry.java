package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.naming.WireNames;
import io.oslo4j.rpc.server.AccessPolicy;
import io.oslo4j.rpc.server.ContainerCallbacks;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcDispatcher;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerInterceptor;
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
 * Methods are called by their wire names ({@code rpc.naming.*}, {@code @RpcMethod}); with
 * {@code rpc.server.access-policy=explicit} only {@code @RpcMethod} methods are callable.
 * Every {@link RpcServerInterceptor} bean runs around each dispatch, in {@code @Order}.
 * Each server's options are those of {@code rpc.server.*}, then of every
 * {@link RpcServerCustomizer} bean in {@code @Order}.
 * <p>
 * It runs in phase {@link #PHASE}: after the transport has started connecting
 * ({@link RpcTransportConnector#PHASE}), and on shutdown in the same phase as the
 * notification listeners and Spring Boot's graceful shutdown of a web server, so that all
 * of them drain at once. On {@link #stop(Runnable)} every server stops taking messages at
 * once, then requests in flight get up to {@code rpc.server.shutdown-timeout} to finish
 * and send their replies, on a thread of their own. With {@code rpc.fail-fast=false} a
 * server that cannot start (broker down) is retried in the background
 * ({@code rpc.start-retry.*}).
 */
public class RpcEndpointRegistry extends AbstractConsumerRegistry<RpcServer> implements ApplicationContextAware {

	private static final Logger logger = LoggerFactory.getLogger(RpcEndpointRegistry.class);

	private final Transport transport;

	private final RpcProperties properties;

	private final RpcServerOptions options;

	private final @Nullable String defaultTopic;

	private final String serverName;

	private @Nullable ApplicationContext applicationContext;

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
		super(properties.isFailFast(), properties.getStartRetry(), options.shutdownTimeout(), "oslo4j-rpc-shutdown");
		this.transport = transport;
		this.properties = properties;
		this.options = options;
		this.defaultTopic = defaultTopic;
		this.serverName = serverName;
	}

	/**
	 * Returns how the servers run: {@code rpc.server.executor-threads}, {@code ack-mode}
	 * and {@code shutdown-timeout}, the serializer and the observation registry.
	 * @return the server options
	 */
	public RpcServerOptions options() {
		return this.options;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
		this.applicationContext = applicationContext;
	}

	@Override
	protected void startAll(Starter<RpcServer> starter) {
		for (Map.Entry<String, List<Endpoint>> entry : collect().entrySet()) {
			Target target = Target.server(entry.getKey(), this.serverName);
			RpcServerOptions serverOptions = customized(target);
			shutdownTimeoutAtLeast(serverOptions.shutdownTimeout());
			RpcServer server = new RpcServer(this.transport, target, dispatcher(entry.getValue()), serverOptions);
			starter.start(server, "RPC server " + server.target(), server::start);
			logger.info("RPC server {} on {} serves {}", server.target(), this.transport.url(), entry.getValue());
		}
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
		Map<String, List<Map.Entry<String, Endpoint>>> named = new LinkedHashMap<>();
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
			List<Endpoint> endpoints = endpoints(bean.getValue(), annotation, callbacks,
					this.properties.getNaming().wireNames(), this.properties.getServer().getAccessPolicy());
			byTopic.computeIfAbsent(topic, (t) -> new ArrayList<>()).addAll(endpoints);
			for (Endpoint endpoint : endpoints) {
				named.computeIfAbsent(topic, (t) -> new ArrayList<>()).add(Map.entry(bean.getKey(), endpoint));
			}
		}
		named.forEach(ShadowedEndpointMethods::check);
		return byTopic;
	}

	static List<Endpoint> endpoints(Object bean, RpcEndpoint annotation, ContainerCallbacks callbacks) {
		return endpoints(bean, annotation, callbacks, WireNames.AS_IS, AccessPolicy.DEFAULT);
	}

	/**
	 * Returns the dispatcher of a server's endpoints, with the
	 * {@link RpcServerInterceptor} beans of the context in {@code @Order}.
	 */
	private RpcDispatcher dispatcher(List<Endpoint> endpoints) {
		ApplicationContext context = this.applicationContext;
		List<RpcServerInterceptor> interceptors = (context != null)
				? context.getBeanProvider(RpcServerInterceptor.class).orderedStream().toList() : List.of();
		return new RpcDispatcher(endpoints, this.options.serializer(), interceptors);
	}

	static List<Endpoint> endpoints(Object bean, RpcEndpoint annotation, ContainerCallbacks callbacks, WireNames names,
			AccessPolicy policy) {
		Class<?> userClass = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		RpcDefinitionCheck.version("@RpcEndpoint", userClass.getName(), annotation.version());
		try {
			if (userClass.isInstance(bean)) {
				return List.of(Endpoint.of(bean, userClass, annotation.namespace(), annotation.version(), callbacks,
						names, policy));
			}
			List<Endpoint> endpoints = new ArrayList<>();
			for (Class<?> iface : AopProxyUtils.proxiedUserInterfaces(bean)) {
				endpoints.add(Endpoint.of(bean, iface, annotation.namespace(), annotation.version(), callbacks, names,
						policy));
			}
			logger.info("@RpcEndpoint {} is a JDK proxy: only the methods of {} are callable", userClass.getName(),
					endpoints.stream().map((endpoint) -> endpoint.type().getName()).toList());
			return endpoints;
		}
		catch (IllegalArgumentException ex) {
			throw new RpcDefinitionException("@RpcEndpoint", userClass.getName(), String.valueOf(ex.getMessage()), ex);
		}
	}

	/**
	 * Returns the servers, one per topic (empty without endpoint beans or once stopped).
	 * @return the servers
	 */
	public List<RpcServer> servers() {
		return consumers();
	}

}
