package io.oslo4j.rpc.boot.aot;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import io.oslo4j.rpc.RpcContext;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.core.ResolvableType;

/**
 * Registers the hints of one type that oslo4j calls or proxies: its methods for
 * invocation, and Jackson binding for their parameter and return types (the payloads that
 * cross the wire). {@link RpcContext} parameters and {@code void} are left out; a
 * {@code CompletableFuture}, {@code Future} or {@code Optional} is unwrapped to the type
 * it carries.
 */
final class RpcTypeHints {

	private final RuntimeHints hints;

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	RpcTypeHints(RuntimeHints hints) {
		this.hints = hints;
	}

	/**
	 * Registers a method for invocation, and binding for its payload types.
	 * @param method the method
	 */
	void invocable(Method method) {
		this.hints.reflection().registerMethod(method, ExecutableMode.INVOKE);
		for (Type parameter : method.getGenericParameterTypes()) {
			if (parameter != RpcContext.class) {
				binding(parameter);
			}
		}
		binding(method.getGenericReturnType());
	}

	/**
	 * Registers the public instance methods of a type that oslo4j may call: those not
	 * declared by {@code Object}, not synthetic or bridges, and whose names neither start
	 * with {@code _} nor hold {@code $} (which are never callable over RPC).
	 * @param type the class or interface
	 */
	void publicMethods(Class<?> type) {
		for (Method method : type.getMethods()) {
			if (isCandidate(method)) {
				invocable(method);
			}
		}
	}

	static boolean isCandidate(Method method) {
		String name = method.getName();
		return !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
				&& method.getDeclaringClass() != Object.class && !name.startsWith("_") && name.indexOf('$') < 0;
	}

	private void binding(Type type) {
		if (type == void.class || type == Void.class) {
			return;
		}
		ResolvableType resolvable = ResolvableType.forType(type);
		Class<?> raw = resolvable.resolve();
		if (raw != null && isWrapper(raw) && type instanceof ParameterizedType parameterized) {
			binding(parameterized.getActualTypeArguments()[0]);
			return;
		}
		this.bindings.registerReflectionHints(this.hints.reflection(), type);
	}

	private static boolean isWrapper(Class<?> raw) {
		return CompletionStage.class.isAssignableFrom(raw) || Future.class.isAssignableFrom(raw)
				|| raw == Optional.class;
	}

}
