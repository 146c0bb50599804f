package io.oslo4j.rpc.server;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcVersion;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.wire.RequestMessage;
import org.jspecify.annotations.Nullable;

/**
 * Routes a request to an endpoint method with oslo's rules ({@code RPCDispatcher}):
 * endpoints are tried in order; one qualifies when its namespace equals the request's
 * ({@code null} matches {@code null}) and its version is compatible with the requested
 * one; the first qualifying endpoint that has the method serves it. Otherwise
 * {@code NoSuchMethod} when some endpoint qualified, else {@code UnsupportedVersion}.
 * {@link RpcServerInterceptor}s, when given, run around it.
 */
public final class RpcDispatcher {

	private final List<Endpoint> endpoints;

	private final Serializer serializer;

	private final List<RpcServerInterceptor> interceptors;

	public RpcDispatcher(List<Endpoint> endpoints, Serializer serializer) {
		this(endpoints, serializer, List.of());
	}

	/**
	 * Makes a dispatcher whose requests pass through interceptors first.
	 * @param endpoints the endpoints, tried in order
	 * @param serializer converts arguments and results
	 * @param interceptors run around each dispatch, the first outermost
	 */
	public RpcDispatcher(List<Endpoint> endpoints, Serializer serializer, List<RpcServerInterceptor> interceptors) {
		this.endpoints = List.copyOf(endpoints);
		this.serializer = serializer;
		this.interceptors = List.copyOf(interceptors);
	}

	public List<Endpoint> endpoints() {
		return this.endpoints;
	}

	/**
	 * Dispatches a request.
	 * @param request the request
	 * @param ctx the request context
	 * @return the outcome: the serialized result, or what the method threw
	 * @throws DispatchFailure when no method serves the request or its arguments are
	 * wrong, or an interceptor refused it
	 */
	public Outcome dispatch(RequestMessage request, RpcContext ctx) {
		if (this.interceptors.isEmpty()) {
			return dispatchToEndpoint(request, ctx);
		}
		return new Chain(0).proceed(new RpcServerRequest(request, ctx));
	}

	private Outcome dispatchToEndpoint(RequestMessage request, RpcContext ctx) {
		String method = Objects.toString(request.method(), "None");
		Object versionValue = request.version();
		boolean compatibleFound = false;
		for (Endpoint endpoint : this.endpoints) {
			if (!Objects.equals(endpoint.namespace(), request.namespace())) {
				continue;
			}
			if (versionValue == null) {
				continue;
			}
			if (!isCompatible(endpoint.version(), versionValue)) {
				continue;
			}
			compatibleFound = true;
			EndpointMethod target = (request.method() != null) ? endpoint.method(request.method()) : null;
			if (target != null) {
				return invoke(endpoint, target, request.args(), ctx);
			}
		}
		if (compatibleFound) {
			throw DispatchFailure.noSuchMethod(method);
		}
		throw DispatchFailure.unsupportedVersion((versionValue != null) ? versionValue.toString() : "None", method);
	}

	private Outcome invoke(Endpoint endpoint, EndpointMethod method, @Nullable Object args, RpcContext ctx) {
		if (!(args instanceof Map<?, ?> map)) {
			throw DispatchFailure.builtin("AttributeError",
					"'" + pythonType(args) + "' object has no attribute 'items'");
		}
		try {
			Object result = method.invoke(endpoint.bean(), ctx, map, this.serializer);
			return new Outcome(this.serializer.serializeEntity(ctx, result), null, false);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new Outcome(null, cause, method.isExpected(cause));
		}
	}

	/**
	 * oslo's {@code version_is_compatible(imp, req)}: a requested version that is not a
	 * string fails on {@code .split} as in Python.
	 */
	private static boolean isCompatible(RpcVersion implemented, Object requested) {
		if (!(requested instanceof String text)) {
			throw DispatchFailure.builtin("AttributeError",
					"'" + pythonType(requested) + "' object has no attribute 'split'");
		}
		return PythonVersionCheck.isCompatible(implemented, text);
	}

	private static String pythonType(@Nullable Object value) {
		if (value == null) {
			return "NoneType";
		}
		if (value instanceof List) {
			return "list";
		}
		if (value instanceof String) {
			return "str";
		}
		if (value instanceof Boolean) {
			return "bool";
		}
		if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
			return "float";
		}
		if (value instanceof Number) {
			return "int";
		}
		return "dict";
	}

	/** The interceptors from one position on, then the endpoint. */
	private final class Chain implements RpcServerInterceptor.Chain {

		private final int index;

		Chain(int index) {
			this.index = index;
		}

		@Override
		public Outcome proceed(RpcServerRequest request) {
			if (this.index == RpcDispatcher.this.interceptors.size()) {
				return dispatchToEndpoint(request.message(), request.context());
			}
			RpcServerInterceptor interceptor = RpcDispatcher.this.interceptors.get(this.index);
			Outcome outcome = interceptor.intercept(request, new Chain(this.index + 1));
			if (outcome == null) {
				throw new IllegalStateException("RpcServerInterceptor " + interceptor.getClass().getName()
						+ " returned no outcome: return chain.proceed(request)");
			}
			return outcome;
		}

	}

	/**
	 * What a dispatched method produced.
	 *
	 * @param result the serialized result, when it returned
	 * @param exception what it threw, or {@code null}
	 * @param expected whether the exception is one the method declares as expected
	 */
	public record Outcome(@Nullable Object result, @Nullable Throwable exception, boolean expected) {

	}

}
