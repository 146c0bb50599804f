package io.oslo4j.rpc.client;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcCast;
import io.oslo4j.rpc.annotation.RpcFanout;
import io.oslo4j.rpc.naming.WireNames;
import org.jspecify.annotations.Nullable;

/**
 * How one method of an {@code @RpcClient} interface maps to RPC, worked out once: its
 * wire name, its kind (call, async call, cast, fanout cast), its argument names, where
 * the context is, and the result type.
 */
final class ClientMethod {

	enum Kind {

		CALL, ASYNC_CALL, CAST, FANOUT

	}

	private final String name;

	private final Kind kind;

	private final @Nullable String[] argumentNames;

	private final int contextIndex;

	private final Type resultType;

	private ClientMethod(String name, Kind kind, @Nullable String[] argumentNames, int contextIndex, Type resultType) {
		this.name = name;
		this.kind = kind;
		this.argumentNames = argumentNames;
		this.contextIndex = contextIndex;
		this.resultType = resultType;
	}

	/**
	 * Works out the mapping of a method.
	 * @throws IllegalArgumentException naming the interface and the method when it cannot
	 * be mapped
	 */
	static ClientMethod of(Class<?> iface, Method method, WireNames names) {
		String where = iface.getName() + "." + method.getName() + "()";
		UnsupportedSignatures.check(where, method);
		boolean cast = method.isAnnotationPresent(RpcCast.class);
		boolean fanout = method.isAnnotationPresent(RpcFanout.class);
		Class<?> returnType = method.getReturnType();
		Kind kind;
		Type resultType = Object.class;
		if (cast && fanout) {
			throw new IllegalArgumentException(where + " has both @RpcCast and @RpcFanout; choose one");
		}
		if (cast || fanout) {
			if (returnType != void.class) {
				throw new IllegalArgumentException(where + " is annotated @" + (fanout ? "RpcFanout" : "RpcCast")
						+ " and must return void: casts have no reply");
			}
			kind = fanout ? Kind.FANOUT : Kind.CAST;
		}
		else if (returnType == CompletableFuture.class || returnType == CompletionStage.class) {
			kind = Kind.ASYNC_CALL;
			Type generic = method.getGenericReturnType();
			resultType = (generic instanceof ParameterizedType p) ? p.getActualTypeArguments()[0] : Object.class;
		}
		else {
			kind = Kind.CALL;
			resultType = (returnType == void.class) ? Object.class : method.getGenericReturnType();
		}
		Parameter[] parameters = method.getParameters();
		String[] argumentNames = new String[parameters.length];
		int contextIndex = -1;
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			if (parameter.getType() == RpcContext.class) {
				if (contextIndex >= 0) {
					throw new IllegalArgumentException(where + " has more than one RpcContext parameter");
				}
				contextIndex = i;
				continue;
			}
			argumentNames[i] = names.argumentName(parameter, where);
		}
		return new ClientMethod(names.methodName(method), kind, argumentNames, contextIndex, resultType);
	}

	@Nullable Object invoke(RpcTemplate client, RpcContext defaultContext, @Nullable Object @Nullable [] values) {
		Object[] args = (values != null) ? values : new Object[0];
		RpcContext ctx = defaultContext;
		Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (i == this.contextIndex) {
				if (args[i] != null) {
					ctx = (RpcContext) args[i];
				}
			}
			else {
				kwargs.put(this.argumentNames[i], args[i]);
			}
		}
		return switch (this.kind) {
			case CALL -> client.call(ctx, this.name, kwargs, this.resultType);
			case ASYNC_CALL -> client.callAsync(ctx, this.name, kwargs, this.resultType);
			case CAST -> {
				client.cast(ctx, this.name, kwargs);
				yield null;
			}
			case FANOUT -> {
				client.prepare((p) -> p.fanout(true)).cast(ctx, this.name, kwargs);
				yield null;
			}
		};
	}

	Kind kind() {
		return this.kind;
	}

}
