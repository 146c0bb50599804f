package io.oslo4j.rpc.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.annotation.RpcClient;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcClientInterceptor;
import io.oslo4j.rpc.client.RpcClients;
import io.oslo4j.rpc.transport.Transport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.util.StringUtils;

/**
 * Makes the proxies of {@code @RpcClient} interfaces, and plain {@link RpcTemplate}s by
 * name. A client's target and options come from its annotation, overridden by
 * {@code rpc.clients.<name>.*}; the topic defaults to the client name, the timeouts to
 * {@code rpc.response-timeout} and {@code rpc.call-monitor-timeout}. Method and argument
 * names follow {@code rpc.naming.*}; each client's messages pass through the
 * {@link GlobalRpcClientInterceptor} beans, then those named by
 * {@code rpc.clients.<name>.interceptors}. A client method that cannot be served
 * ({@code Mono}, {@code Flux}, a {@code Future}, a Kotlin {@code suspend} function) fails
 * startup, naming it. Then every {@link RpcClientCustomizer} bean is applied, in
 * {@code @Order}.
 * <p>
 * Client names: an interface whose name has no {@code rpc.clients} entry uses its
 * annotation and the defaults. An {@code rpc.clients.<name>} entry that no interface uses
 * is most likely a typo and is logged as a warning at startup; {@link #client(String)}
 * refuses a name that has no entry.
 */
public class RpcClientFactory implements BeanFactoryAware, SmartInitializingSingleton {

	/**
	 * Bean definition attribute holding the client name of a registered interface. AOT
	 * does not keep definition attributes: {@link RpcClientFactoryBean#getClientName()}
	 * holds it in every mode.
	 */
	static final String CLIENT_NAME_ATTRIBUTE = RpcClientFactory.class.getName() + ".clientName";

	private static final Logger logger = LoggerFactory.getLogger(RpcClientFactory.class);

	private final Transport transport;

	private final RpcProperties properties;

	private final ClientOptions options;

	private final RpcContextSupplier contexts;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private final Map<String, RpcTemplate> made = new ConcurrentHashMap<>();

	/**
	 * Makes the factory.
	 * @param transport the transport every client sends through
	 * @param properties the configuration
	 * @param options the base options (serializer, exception mapper, observations)
	 * @param contexts the default request context
	 */
	public RpcClientFactory(Transport transport, RpcProperties properties, ClientOptions options,
			RpcContextSupplier contexts) {
		this.transport = transport;
		this.properties = properties;
		this.options = options;
		this.contexts = contexts;
	}

	/**
	 * Makes the proxy of an {@code @RpcClient} interface.
	 * @param <T> the interface type
	 * @param iface the interface
	 * @return the proxy
	 * @throws RpcDefinitionException naming the interface and method when it cannot be
	 * mapped
	 * @throws RpcConfigurationException when a version is malformed
	 */
	public <T> T create(Class<T> iface) {
		RpcClient annotation = AnnotatedElementUtils.findMergedAnnotation(iface, RpcClient.class);
		if (annotation == null) {
			throw new RpcDefinitionException("@RpcClient", iface.getName(), "is not annotated with @RpcClient", null);
		}
		if (!StringUtils.hasText(annotation.value())) {
			throw new RpcDefinitionException("@RpcClient", iface.getName(),
					"the client name (@RpcClient(\"name\")) must not be empty", null);
		}
		RpcDefinitionCheck.version("@RpcClient", iface.getName(), annotation.version());
		RpcTemplate client = client(annotation.value(), annotation);
		try {
			return RpcClients.create(iface, client, this.contexts, this.properties.getNaming().wireNames());
		}
		catch (IllegalArgumentException ex) {
			throw new RpcDefinitionException("@RpcClient", iface.getName(), String.valueOf(ex.getMessage()), ex);
		}
	}

	/**
	 * Returns a client configured by {@code rpc.clients.<name>.*}, for code that calls by
	 * method name.
	 * @param name the client name
	 * @return the client
	 * @throws RpcConfigurationException when {@code rpc.clients.<name>} is not configured
	 */
	public RpcTemplate client(String name) {
		if (!this.properties.getClients().containsKey(name)) {
			throw new RpcConfigurationException(
					"rpc.clients." + name, "no client named '" + name + "' is configured (known: "
							+ this.properties.getClients().keySet() + ")",
					"rpc.clients." + name + ".topic=" + name, null);
		}
		return client(name, null);
	}

	private RpcTemplate client(String name, @Nullable RpcClient annotation) {
		RpcClientProperties settings = this.properties.getClients().getOrDefault(name, new RpcClientProperties());
		Target target = Target.topic(first(settings.getTopic(), (annotation != null) ? annotation.topic() : null, name))
			.withServer(first(settings.getServer(), (annotation != null) ? annotation.server() : null))
			.withExchange(first(settings.getExchange(), (annotation != null) ? annotation.exchange() : null))
			.withNamespace(first(settings.getNamespace(), (annotation != null) ? annotation.namespace() : null))
			.withVersion(first(settings.getVersion(), (annotation != null) ? annotation.version() : null))
			.withFanout(Boolean.TRUE.equals(settings.getFanout()));
		ClientOptions clientOptions = this.options
			.withTimeout((settings.getTimeout() != null) ? settings.getTimeout() : this.properties.getResponseTimeout())
			.withCallMonitorTimeout((settings.getCallMonitorTimeout() != null) ? settings.getCallMonitorTimeout()
					: this.properties.getCallMonitorTimeout())
			.withVersionCap(settings.getVersionCap())
			.withInterceptors(interceptors(name, settings));
		if (settings.getRetry() != null) {
			clientOptions = clientOptions.withRetry(settings.getRetry());
		}
		RpcTemplate client = customized(name, new RpcTemplate(this.transport, target, clientOptions));
		this.made.put(name, client);
		return client;
	}

	/**
	 * Returns the clients this factory has made, by client name (the last one made for a
	 * name), as their customizers left them: the proxies' and those of
	 * {@link #client(String)}.
	 * @return the clients, sorted by name
	 */
	public Map<String, RpcTemplate> clients() {
		return Collections.unmodifiableMap(new TreeMap<>(this.made));
	}

	/**
	 * Applies the {@link RpcClientCustomizer} beans, in {@code @Order}.
	 */
	private RpcTemplate customized(String name, RpcTemplate client) {
		RpcTemplate customized = client;
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory != null) {
			for (RpcClientCustomizer customizer : factory.getBeanProvider(RpcClientCustomizer.class)
				.orderedStream()
				.toList()) {
				customized = customizer.customize(name, customized);
			}
		}
		return customized;
	}

	/**
	 * Returns the interceptors of a client: the {@link GlobalRpcClientInterceptor} beans
	 * in {@code @Order}, then the beans named by {@code rpc.clients.<name>.interceptors}.
	 */
	private List<RpcClientInterceptor> interceptors(String name, RpcClientProperties settings) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory == null) {
			return List.of();
		}
		List<RpcClientInterceptor> global = new ArrayList<>();
		for (String beanName : factory.getBeanNamesForType(RpcClientInterceptor.class)) {
			if (factory.findAnnotationOnBean(beanName, GlobalRpcClientInterceptor.class) != null) {
				global.add(factory.getBean(beanName, RpcClientInterceptor.class));
			}
		}
		AnnotationAwareOrderComparator.sort(global);
		List<RpcClientInterceptor> result = new ArrayList<>(global);
		for (String beanName : settings.getInterceptors()) {
			String key = "rpc.clients." + name + ".interceptors";
			if (!factory.containsBean(beanName) || !factory.isTypeMatch(beanName, RpcClientInterceptor.class)) {
				throw new RpcConfigurationException(key,
						"no RpcClientInterceptor bean named '" + beanName + "' (known: "
								+ List.of(factory.getBeanNamesForType(RpcClientInterceptor.class)) + ")",
						key + "=authTokenInterceptor", null);
			}
			RpcClientInterceptor interceptor = factory.getBean(beanName, RpcClientInterceptor.class);
			if (!result.contains(interceptor)) {
				result.add(interceptor);
			}
		}
		return result;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
			this.beanFactory = listable;
		}
	}

	/**
	 * Warns about {@code rpc.clients.<name>} entries that no interface uses.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory == null) {
			return;
		}
		Set<String> used = new LinkedHashSet<>();
		// read from the factory beans, not from definition attributes: AOT does not keep
		// those
		for (RpcClientFactoryBean<?> client : factory.getBeansOfType(RpcClientFactoryBean.class, true, false)
			.values()) {
			used.add(client.getClientName());
		}
		for (String configured : this.properties.getClients().keySet()) {
			if (!used.contains(configured)) {
				logger
					.warn("rpc.clients.{} is configured but no @RpcClient(\"{}\") interface was found (clients in use: "
							+ "{}); check the name, or ignore this if the client is used through RpcClientFactory.client()",
							configured, configured, used);
			}
		}
	}

	private static @Nullable String first(@Nullable String... values) {
		for (String value : values) {
			if (StringUtils.hasText(value)) {
				return value;
			}
		}
		return null;
	}

	private static String first(@Nullable String a, @Nullable String b, String fallback) {
		String value = first(a, b);
		return (value != null) ? value : fallback;
	}

}
