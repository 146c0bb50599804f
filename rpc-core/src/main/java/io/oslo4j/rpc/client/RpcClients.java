package io.oslo4j.rpc.client;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.naming.WireNames;
import org.jspecify.annotations.Nullable;

/**
 * Makes and prepares proxies of {@code @RpcClient} interfaces. Each abstract method is a
 * call, an async call ({@code CompletableFuture}), a cast ({@code @RpcCast}) or a fanout
 * cast ({@code @RpcFanout}) to the method of the same name (or the {@code @RpcMethod}
 * name, or the name under a naming strategy); its parameters are the keyword arguments,
 * by name; an {@link RpcContext} parameter is the request context, otherwise the context
 * supplier's is sent. Mistakes fail when the proxy is made, naming the interface and the
 * method.
 */
public final class RpcClients {

	private RpcClients() {
	}

	/**
	 * Makes a proxy that sends through a client, with an empty default context.
	 * @param <T> the interface type
	 * @param iface the interface
	 * @param client the client
	 * @return the proxy
	 */
	public static <T> T create(Class<T> iface, RpcTemplate client) {
		return create(iface, client, RpcContext::empty);
	}

	/**
	 * Makes a proxy that sends through a client.
	 * @param <T> the interface type
	 * @param iface the interface
	 * @param client the client
	 * @param contexts supplies the context of methods without an {@link RpcContext}
	 * parameter (a request id, the current user)
	 * @return the proxy
	 * @throws IllegalArgumentException when {@code iface} is not an interface or a method
	 * cannot be mapped
	 */
	public static <T> T create(Class<T> iface, RpcTemplate client, Supplier<RpcContext> contexts) {
		return create(iface, client, contexts, WireNames.AS_IS);
	}

	/**
	 * Makes a proxy that sends through a client, naming methods and arguments on the wire
	 * with {@code names} ({@code @RpcMethod} and {@code @RpcParam} names are kept as
	 * given).
	 * @param <T> the interface type
	 * @param iface the interface
	 * @param client the client
	 * @param contexts supplies the context of methods without an {@link RpcContext}
	 * parameter
	 * @param names how Java names become wire names
	 * @return the proxy
	 * @throws IllegalArgumentException when {@code iface} is not an interface or a method
	 * cannot be mapped (a {@code Mono}, {@code Flux} or {@code Future} result, a Kotlin
	 * {@code suspend} function, unknown parameter names)
	 */
	public static <T> T create(Class<T> iface, RpcTemplate client, Supplier<RpcContext> contexts, WireNames names) {
		if (!iface.isInterface()) {
			throw new IllegalArgumentException("@RpcClient can only be specified on an interface: " + iface.getName());
		}
		Map<Method, ClientMethod> methods = new HashMap<>();
		for (Method method : iface.getMethods()) {
			if (Modifier.isAbstract(method.getModifiers())) {
				methods.put(method, ClientMethod.of(iface, method, names));
			}
		}
		return iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] { iface },
				new Handler(iface, client, contexts, methods)));
	}

	/**
	 * Returns a proxy of the same interface whose client is prepared with overrides
	 * (oslo's {@code prepare()}), e.g.
	 * {@code RpcClients.prepare(compute, p -> p.server("host1"))}.
	 * @param <T> the interface type
	 * @param proxy a proxy made by this class
	 * @param overrides the overrides
	 * @return the prepared proxy
	 * @throws IllegalArgumentException when {@code proxy} was not made here
	 */
	@SuppressWarnings("unchecked")
	public static <T> T prepare(T proxy, Consumer<Prepare> overrides) {
		Handler handler = handler(proxy);
		Handler prepared = new Handler(handler.iface, handler.client.prepare(overrides), handler.contexts,
				handler.methods);
		return (T) Proxy.newProxyInstance(handler.iface.getClassLoader(), new Class<?>[] { handler.iface }, prepared);
	}

	/**
	 * Returns the client behind a proxy made by this class.
	 * @param proxy the proxy
	 * @return its client
	 */
	public static RpcTemplate client(Object proxy) {
		return handler(proxy).client;
	}

	private static Handler handler(Object proxy) {
		if (Proxy.isProxyClass(proxy.getClass()) && Proxy.getInvocationHandler(proxy) instanceof Handler handler) {
			return handler;
		}
		throw new IllegalArgumentException(proxy.getClass().getName() + " is not an RPC client proxy");
	}

	private record Handler(Class<?> iface, RpcTemplate client, Supplier<RpcContext> contexts,
			Map<Method, ClientMethod> methods) implements InvocationHandler {

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args)
				throws Throwable {
			ClientMethod rpc = this.methods.get(method);
			if (rpc != null) {
				return rpc.invoke(this.client, this.contexts.get(), args);
			}
			if (method.isDefault()) {
				return invokeDefault(proxy, method, args);
			}
			return switch (method.getName()) {
				case "equals" -> args != null && proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				case "toString" -> "RpcTemplate proxy " + this.iface.getName() + " -> " + this.client;
				default -> throw new UnsupportedOperationException(method.toString());
			};
		}

		private @Nullable Object invokeDefault(Object proxy, Method method, @Nullable Object @Nullable [] args)
				throws Throwable {
			if (Modifier.isPublic(this.iface.getModifiers())) {
				return InvocationHandler.invokeDefault(proxy, method, args);
			}
			// a non-public interface: InvocationHandler.invokeDefault refuses it
			return MethodHandles.privateLookupIn(this.iface, MethodHandles.lookup())
				.unreflectSpecial(method, this.iface)
				.bindTo(proxy)
				.invokeWithArguments((args != null) ? args : new Object[0]);
		}

	}

}
