package io.oslo4j.rpc.client;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

/**
 * Refuses, when a proxy is made, the client methods whose shape an RPC client cannot
 * serve, instead of failing on every call: Kotlin {@code suspend} functions, reactive
 * return types ({@code Mono}, {@code Flux}, any Reactive Streams or {@code Flow}
 * publisher, RxJava, Mutiny, Kotlin's {@code Flow} and {@code Deferred}) and futures
 * other than {@code CompletableFuture} and {@code CompletionStage}. Types are recognised
 * by name, so none of these libraries needs to be on the class path.
 */
final class UnsupportedSignatures {

	private static final Set<String> REACTIVE_TYPES = Set.of("org.reactivestreams.Publisher",
			"java.util.concurrent.Flow$Publisher", "kotlinx.coroutines.flow.Flow", "kotlinx.coroutines.Deferred");

	private static final List<String> REACTIVE_PACKAGES = List.of("reactor.core.", "io.reactivex.", "rx.",
			"io.smallrye.mutiny.", "kotlinx.coroutines.");

	private static final String CONTINUATION = "kotlin.coroutines.Continuation";

	private static final String ADVICE = "declare it to return the result (a blocking call) or "
			+ "CompletableFuture<T> (an async call), and adapt it in the caller, e.g. Mono.fromFuture(...)";

	private UnsupportedSignatures() {
	}

	/**
	 * Checks a client method.
	 * @param where the interface and method, for the message
	 * @param method the method
	 * @throws IllegalArgumentException naming the method and what to change
	 */
	static void check(String where, Method method) {
		Class<?>[] parameters = method.getParameterTypes();
		if (parameters.length > 0 && parameters[parameters.length - 1].getName().equals(CONTINUATION)) {
			throw new IllegalArgumentException(where + " is a Kotlin suspend function, which an RPC client cannot "
					+ "serve: remove 'suspend' and " + ADVICE);
		}
		Class<?> returnType = method.getReturnType();
		if (returnType == CompletableFuture.class || returnType == CompletionStage.class) {
			return;
		}
		String unsupported = unsupported(returnType);
		if (unsupported != null) {
			throw new IllegalArgumentException(where + " returns " + returnType.getName() + " (" + unsupported
					+ "), which an RPC client cannot serve: " + ADVICE);
		}
	}

	private static @Nullable String unsupported(Class<?> type) {
		if (Future.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type)) {
			return "a future other than CompletableFuture";
		}
		for (String prefix : REACTIVE_PACKAGES) {
			if (type.getName().startsWith(prefix)) {
				return "a reactive type";
			}
		}
		Deque<Class<?>> pending = new ArrayDeque<>();
		Set<Class<?>> seen = new HashSet<>();
		pending.add(type);
		while (!pending.isEmpty()) {
			Class<?> current = pending.poll();
			if (!seen.add(current)) {
				continue;
			}
			if (REACTIVE_TYPES.contains(current.getName())) {
				return "a reactive type";
			}
			if (current.getSuperclass() != null) {
				pending.add(current.getSuperclass());
			}
			pending.addAll(List.of(current.getInterfaces()));
		}
		return null;
	}

}
