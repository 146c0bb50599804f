package io.oslo4j.rpc.server;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Finds the endpoint methods that are, or override, methods of {@code Object} or of a JDK
 * or framework type ({@code close}, {@code run}, {@code afterPropertiesSet},
 * {@code onApplicationEvent}, {@code apply}, {@code compareTo}, ...). Generic parameters
 * are resolved against the class that implements them, so a type-specialised override
 * ({@code onApplicationEvent(CacheFlushEvent)} of {@code ApplicationListener<E>}) is
 * found although its parameter types differ from the erased ones. A method is such an
 * override when a JDK or framework supertype declares an instance method of the same name
 * and number of parameters whose resolved parameter types accept its own; an overload
 * that merely fits is refused too, which errs on the safe side. {@code Object}'s methods
 * are refused by name and number of parameters for every type, interfaces included (an
 * interface may redeclare {@code String toString()}).
 */
final class FrameworkOverrides {

	private static final List<String> FRAMEWORK_PACKAGES = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.",
			"com.sun.", "org.springframework.", "kotlin.", "groovy.");

	private FrameworkOverrides() {
	}

	/**
	 * Tells whether a method is declared by {@code Object} or overrides a method of a JDK
	 * or framework supertype of one of the given classes.
	 * @param method the public method
	 * @param types the classes whose supertypes count (the endpoint type and the bean's
	 * target class)
	 * @return whether the method is the framework's
	 */
	static boolean isFrameworkMethod(Method method, Class<?>... types) {
		if (declaredByObject(method)) {
			return true;
		}
		for (Class<?> type : types) {
			if (declaredAbove(type, method, type, new HashSet<>())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Tells whether a type's name puts it in a JDK or framework package.
	 * @param typeName a class or annotation name
	 * @return whether it is a JDK or framework type
	 */
	static boolean isFramework(String typeName) {
		for (String prefix : FRAMEWORK_PACKAGES) {
			if (typeName.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static boolean declaredByObject(Method method) {
		for (Method candidate : Object.class.getDeclaredMethods()) {
			if (candidate.getName().equals(method.getName())
					&& candidate.getParameterCount() == method.getParameterCount()) {
				return true;
			}
		}
		return false;
	}

	private static boolean declaredAbove(@Nullable Class<?> type, Method method, Class<?> implementation,
			Set<Class<?>> seen) {
		if (type == null || !seen.add(type)) {
			return false;
		}
		if (isFramework(type.getName()) && declares(type, method, implementation)) {
			return true;
		}
		if (declaredAbove(type.getSuperclass(), method, implementation, seen)) {
			return true;
		}
		for (Class<?> iface : type.getInterfaces()) {
			if (declaredAbove(iface, method, implementation, seen)) {
				return true;
			}
		}
		return false;
	}

	private static boolean declares(Class<?> type, Method method, Class<?> implementation) {
		for (Method candidate : type.getDeclaredMethods()) {
			int modifiers = candidate.getModifiers();
			if (candidate.getName().equals(method.getName())
					&& candidate.getParameterCount() == method.getParameterCount() && !Modifier.isStatic(modifiers)
					&& !Modifier.isPrivate(modifiers) && accepts(candidate, method, implementation)) {
				return true;
			}
		}
		return false;
	}

	private static boolean accepts(Method framework, Method method, Class<?> implementation) {
		Class<?>[] actual = method.getParameterTypes();
		for (int i = 0; i < actual.length; i++) {
			Class<?> declared = ResolvableType.forMethodParameter(framework, i, implementation).resolve(Object.class);
			if (!ClassUtils.isAssignable(declared, actual[i])) {
				return false;
			}
		}
		return true;
	}

}
