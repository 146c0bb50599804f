package io.oslo4j.rpc.server;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.oslo4j.rpc.annotation.RpcMethod;
import io.oslo4j.rpc.naming.WireNames;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

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
 * Under {@link AccessPolicy#EXPLICIT} only the methods left that are annotated
 * {@code @RpcMethod} are callable; {@code @RpcMethod} on a method refused above fails.
 * Each method is called by its wire name ({@link WireNames}), so a class may not overload
 * a callable name, nor map two methods to one wire name.
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
	 * @param names how Java names become wire names
	 * @param policy which public methods are callable
	 * @return the table
	 * @throws IllegalArgumentException when a callable name is overloaded, two methods
	 * have one wire name, {@code @RpcMethod} marks a method that cannot be callable, or
	 * parameter names are not available
	 */
	static EndpointMethods of(Class<?> type, ContainerCallbacks callbacks, WireNames names, AccessPolicy policy) {
		Map<String, EndpointMethod> methods = new LinkedHashMap<>();
		for (Method method : type.getMethods()) {
			boolean exposed = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY).isPresent(RpcMethod.class);
			if (!isCallable(method, type, callbacks)) {
				if (exposed && !method.isBridge() && !method.isSynthetic()) {
					throw new IllegalArgumentException("Endpoint " + type.getName() + " annotates " + describe(method)
							+ " with @RpcMethod, but it is not callable over RPC: it is a "
							+ "framework or Object method, a callback the container calls, or its name starts "
							+ "with '_'. Remove @RpcMethod, or expose a method of your own");
				}
				continue;
			}
			if (policy == AccessPolicy.EXPLICIT && !exposed) {
				continue;
			}
			String wireName = names.methodName(method);
			if (wireName.startsWith("_")) {
				throw new IllegalArgumentException("Endpoint " + type.getName() + " names " + describe(method) + " '"
						+ wireName + "' on the wire: names starting with '_' are private in oslo and never "
						+ "callable. Choose a name without the leading '_'");
			}
			EndpointMethod previous = methods.get(wireName);
			if (previous != null && !sameSignature(previous.method(), method)) {
				if (previous.method().getName().equals(method.getName())) {
					throw new IllegalArgumentException("Endpoint " + type.getName() + " overloads method '"
							+ method.getName() + "': RPC methods are called by name, so each name must be unique");
				}
				// named in a stable order: reflection returns methods in no particular
				// one
				String one = describe(previous.method());
				String other = describe(method);
				throw new IllegalArgumentException("Endpoint " + type.getName() + " maps both "
						+ ((one.compareTo(other) <= 0) ? one + " and " + other : other + " and " + one)
						+ " to the RPC method '" + wireName
						+ "': give one of them another name with @RpcMethod(\"...\")");
			}
			if (previous == null) {
				// the same signature from two interfaces: either invokes the same method
				methods.put(wireName, new EndpointMethod(method, wireName, names));
			}
		}
		return new EndpointMethods(Collections.unmodifiableMap(methods));
	}

	private static String describe(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
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
		return a.getName().equals(b.getName()) && Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
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
