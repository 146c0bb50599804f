package io.oslo4j.rpc.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.oslo4j.rpc.RpcVersion;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.naming.WireNames;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * An object whose public methods can be called over RPC, with its target: the namespace
 * it serves ({@code null} for none) and the version it implements ({@code null} means
 * {@code 1.0}, as in oslo). The method table is built once, from {@code type}; calls are
 * invoked on {@code bean}, so a proxy (transactions, validation) stays in the path. Which
 * public methods are callable is decided by {@link EndpointMethods}: never
 * {@code Object}'s, the JDK's or a framework's methods and their overrides, nor callbacks
 * a container calls (by annotation or, per {@link ContainerCallbacks}, by name).
 */
public final class Endpoint {

	private final Object bean;

	private final Class<?> type;

	private final @Nullable String namespace;

	private final RpcVersion version;

	private final EndpointMethods methods;

	private Endpoint(Object bean, Class<?> type, @Nullable String namespace, @Nullable String version,
			ContainerCallbacks callbacks, WireNames names, AccessPolicy policy) {
		this.bean = bean;
		this.type = type;
		this.namespace = (namespace == null || namespace.isEmpty()) ? null : namespace;
		this.version = (version == null || version.isEmpty()) ? RpcVersion.DEFAULT : RpcVersion.parse(version);
		this.methods = EndpointMethods.of(type, callbacks, names, policy);
		ClassProxies.checkAdvisable(bean, type, this.methods.all());
	}

	/**
	 * Returns an endpoint for an object, with the namespace and version of its
	 * {@link RpcEndpoint} annotation, or no namespace and version 1.0 without one.
	 * @param bean the object
	 * @return the endpoint
	 */
	public static Endpoint of(Object bean) {
		// a CGLIB proxy (Foo$$SpringCGLIB$$0) carries neither the annotation (it is not
		// @Inherited) nor only the user's methods: describe the user class
		Class<?> type = ClassUtils.getUserClass(bean);
		RpcEndpoint annotation = type.getAnnotation(RpcEndpoint.class);
		return (annotation != null) ? of(bean, type, annotation.namespace(), annotation.version())
				: of(bean, type, null, null);
	}

	/**
	 * Returns an endpoint whose container callbacks are those the bean shows
	 * ({@link ContainerCallbacks#of(Object)}).
	 * @param bean the object to invoke methods on (may be a proxy of {@code type})
	 * @param type the class whose public methods are callable
	 * @param namespace the namespace, or {@code null}/empty for none
	 * @param version the implemented version, or {@code null}/empty for 1.0
	 * @return the endpoint
	 * @throws IllegalArgumentException when the class overloads a callable name, its
	 * parameter names are unknown, a callable method of a class proxy is final, or the
	 * version is malformed
	 */
	public static Endpoint of(Object bean, Class<?> type, @Nullable String namespace, @Nullable String version) {
		return of(bean, type, namespace, version, ContainerCallbacks.of(bean));
	}

	/**
	 * Returns an endpoint none of whose container callbacks is callable: a container
	 * passes what its bean definition configures (init and destroy methods by name).
	 * @param bean the object to invoke methods on (may be a proxy of {@code type})
	 * @param type the class whose public methods are callable
	 * @param namespace the namespace, or {@code null}/empty for none
	 * @param version the implemented version, or {@code null}/empty for 1.0
	 * @param callbacks what the container calls on the bean
	 * @return the endpoint
	 * @throws IllegalArgumentException when the class overloads a callable name, its
	 * parameter names are unknown, a callable method of a class proxy is final, or the
	 * version is malformed
	 */
	public static Endpoint of(Object bean, Class<?> type, @Nullable String namespace, @Nullable String version,
			ContainerCallbacks callbacks) {
		return of(bean, type, namespace, version, callbacks, WireNames.AS_IS, AccessPolicy.DEFAULT);
	}

	/**
	 * Returns an endpoint whose methods are called by their wire names, under an access
	 * policy.
	 * @param bean the object to invoke methods on (may be a proxy of {@code type})
	 * @param type the class whose public methods are callable
	 * @param namespace the namespace, or {@code null}/empty for none
	 * @param version the implemented version, or {@code null}/empty for 1.0
	 * @param callbacks what the container calls on the bean
	 * @param names how Java method and parameter names become wire names
	 * @param policy which public methods are callable
	 * @return the endpoint
	 * @throws IllegalArgumentException when the class overloads a callable name, two
	 * methods have one wire name, {@code @RpcMethod} marks a method that cannot be
	 * callable, its parameter names are unknown, a callable method of a class proxy is
	 * final, or the version is malformed
	 */
	public static Endpoint of(Object bean, Class<?> type, @Nullable String namespace, @Nullable String version,
			ContainerCallbacks callbacks, WireNames names, AccessPolicy policy) {
		if (!type.isInstance(bean)) {
			throw new IllegalArgumentException(bean.getClass().getName() + " is not a " + type.getName());
		}
		return new Endpoint(bean, type, namespace, version, callbacks, names, policy);
	}

	public Object bean() {
		return this.bean;
	}

	public Class<?> type() {
		return this.type;
	}

	public @Nullable String namespace() {
		return this.namespace;
	}

	public RpcVersion version() {
		return this.version;
	}

	/**
	 * Returns the wire names of the callable methods.
	 * @return the method names
	 */
	public Set<String> methodNames() {
		return this.methods.names();
	}

	/**
	 * Returns the callable methods with their arguments, as a caller must send them: each
	 * method's wire name, in table order, with the wire names of its arguments in
	 * declaration order ({@code RpcContext} parameters left out, as callers never send
	 * them).
	 * @return the argument names by method name
	 */
	public Map<String, List<String>> methods() {
		Map<String, List<String>> methods = new LinkedHashMap<>();
		for (EndpointMethod method : this.methods.all()) {
			methods.put(method.name(), method.argumentNames());
		}
		return Collections.unmodifiableMap(methods);
	}

	@Nullable EndpointMethod method(String name) {
		return this.methods.get(name);
	}

	@Override
	public String toString() {
		return "Endpoint[" + this.type.getName() + ", namespace=" + this.namespace + ", version=" + this.version + "]";
	}

}
