package io.oslo4j.rpc.server;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The method table of an endpoint class, built once, and the access policy that decides
 * what is callable: public instance methods of the class, its superclasses and
 * interfaces, except
 * <ul>
 * <li>static, synthetic and bridge methods, and names starting with {@code _} (oslo's
 * {@code DefaultRPCAccessPolicy}) or holding {@code $};</li>
 * <li>methods of {@code Object}, and methods declared by JDK and framework types or
 * overriding them, generic ones included ({@code close}, {@code afterPropertiesSet},
 * {@code onApplicationEvent(MyEvent)}, {@code apply(String)}): see
 * {@link FrameworkOverrides};</li>
 * <li>methods a framework calls because of an annotation ({@code @PostConstruct},
 * {@code @Autowired}, {@code @EventListener}, {@code @Scheduled},
 * {@code @RabbitListener}, {@code @RpcNotificationListener}, ...): see
 * {@link FrameworkCallbacks};</li>
 * <li>methods a container calls by name ({@link ContainerCallbacks}).</li>
 * </ul>
 * RPC methods are called by name, so a class may not overload a callable name.
 */
final class EndpointMethods {

	private final Map<String, EndpointMethod> methods;

	private EndpointMethods(Map<String, EndpointMethod> methods) {
		this.methods = methods;
	}

	/**
	 * Builds the table of a class.
	 * @param type the endpoint's class (its user class, not a proxy's)
	 * @param callbacks what the container calls on the bean
	 * @return the table
	 * @throws IllegalArgumentException when a callable name is overloaded or parameter
	 * names are not available
	 */
	static EndpointMethods of(Class<?> type, ContainerCallbacks callbacks) {
		Map<String, EndpointMethod> methods = new LinkedHashMap<>();
		for (Method method : type.getMethods()) {
			if (!isCallable(method, type, callbacks)) {
				continue;
			}
			EndpointMethod previous = methods.get(method.getName());
			if (previous != null && !sameSignature(previous.method(), method)) {
				throw new IllegalArgumentException("Endpoint " + type.getName() + " overloads method '"
						+ method.getName() + "': RPC methods are called by name, so each name must be unique");
			}
			if (previous == null) {
				// the same signature from two interfaces: either invokes the same method
				methods.put(method.getName(), new EndpointMethod(method));
			}
		}
		return new EndpointMethods(Collections.unmodifiableMap(methods));
	}

	static boolean isCallable(Method method, Class<?> type, ContainerCallbacks callbacks) {
		String name = method.getName();
		if (Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())
				|| method.isSynthetic() || method.isBridge() || name.startsWith("_") || name.indexOf('$') >= 0
				|| callbacks.methodNames().contains(name)) {
			return false;
		}
		return !FrameworkOverrides.isFrameworkMethod(method, type, callbacks.targetClass())
				&& !FrameworkCallbacks.isCallback(method, callbacks.targetClass());
	}

	private static boolean sameSignature(Method a, Method b) {
		return java.util.Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
	}

	Collection<EndpointMethod> all() {
		return this.methods.values();
	}

	@Nullable EndpointMethod get(String name) {
		return this.methods.get(name);
	}

	Set<String> names() {
		return this.methods.keySet();
	}

}
