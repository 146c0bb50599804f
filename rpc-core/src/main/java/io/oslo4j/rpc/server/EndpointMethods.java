package io.oslo4j.rpc.server;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

/**
 * The method table of an endpoint class, built once, and the access policy that decides
 * what is callable: public instance methods of the class, its superclasses and
 * interfaces, except methods declared by {@code Object} or by JDK and framework types
 * (lifecycle callbacks such as {@code close} or {@code afterPropertiesSet}), synthetic
 * and bridge methods, methods annotated (even through a meta-annotation or an overridden
 * method) as lifecycle callbacks or injection points ({@code @PostConstruct},
 * {@code @PreDestroy}, {@code @Autowired}, {@code @Value}, {@code @Inject},
 * {@code @Resource}), and names starting with {@code _} (oslo's
 * {@code DefaultRPCAccessPolicy}) or holding {@code $}. RPC methods are called by name,
 * so a class may not overload a callable name.
 */
final class EndpointMethods {

	private static final Set<String> FRAMEWORK_PACKAGES = Set.of("java.", "javax.", "jakarta.", "jdk.", "sun.",
			"org.springframework.", "kotlin.", "groovy.");

	// by name: none of them needs to be on the class path
	private static final List<String> CONTAINER_ANNOTATIONS = List.of("jakarta.annotation.PostConstruct",
			"jakarta.annotation.PreDestroy", "javax.annotation.PostConstruct", "javax.annotation.PreDestroy",
			"org.springframework.beans.factory.annotation.Autowired",
			"org.springframework.beans.factory.annotation.Value", "jakarta.inject.Inject", "javax.inject.Inject",
			"jakarta.annotation.Resource", "javax.annotation.Resource");

	private final Map<String, EndpointMethod> methods;

	private EndpointMethods(Map<String, EndpointMethod> methods) {
		this.methods = methods;
	}

	/**
	 * Builds the table of a class.
	 * @param type the endpoint's class (its user class, not a proxy's)
	 * @return the table
	 * @throws IllegalArgumentException when a callable name is overloaded or parameter
	 * names are not available
	 */
	static EndpointMethods of(Class<?> type) {
		Map<String, EndpointMethod> methods = new LinkedHashMap<>();
		for (Method method : type.getMethods()) {
			if (!isCallable(method)) {
				continue;
			}
			EndpointMethod previous = methods.get(method.getName());
			if (previous != null && !sameSignature(previous.method(), method)) {
				throw new IllegalArgumentException("Endpoint " + type.getName() + " overloads method '"
						+ method.getName() + "': RPC methods are called by name, so each name must be unique");
			}
			if (previous == null
					|| previous.method().getDeclaringClass().isAssignableFrom(method.getDeclaringClass())) {
				methods.put(method.getName(), new EndpointMethod(method));
			}
		}
		return new EndpointMethods(Collections.unmodifiableMap(methods));
	}

	static boolean isCallable(Method method) {
		String name = method.getName();
		if (Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())
				|| method.isSynthetic() || method.isBridge() || name.startsWith("_") || name.indexOf('$') >= 0) {
			return false;
		}
		// not declared by, nor overriding a method of, Object or a JDK/framework type
		// (toString, equals, close, afterPropertiesSet, ... implemented by the endpoint)
		return !declaredByFramework(method.getDeclaringClass(), method) && !calledByTheContainer(method);
	}

	private static boolean calledByTheContainer(Method method) {
		MergedAnnotations annotations = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY);
		for (String annotation : CONTAINER_ANNOTATIONS) {
			if (annotations.isPresent(annotation)) {
				return true;
			}
		}
		return false;
	}

	private static boolean declaredByFramework(@Nullable Class<?> type, Method method) {
		if (type == null) {
			return false;
		}
		if (isFramework(type)) {
			try {
				type.getDeclaredMethod(method.getName(), method.getParameterTypes());
				return true;
			}
			catch (NoSuchMethodException ex) {
				// not declared here; look further up
			}
		}
		if (declaredByFramework(type.getSuperclass(), method)) {
			return true;
		}
		for (Class<?> iface : type.getInterfaces()) {
			if (declaredByFramework(iface, method)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isFramework(Class<?> type) {
		String className = type.getName();
		for (String prefix : FRAMEWORK_PACKAGES) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static boolean sameSignature(Method a, Method b) {
		return java.util.Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
	}

	@Nullable EndpointMethod get(String name) {
		return this.methods.get(name);
	}

	Set<String> names() {
		return this.methods.keySet();
	}

}
