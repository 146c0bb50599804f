package io.oslo4j.rpc.server;

/**
 * Runs around the dispatch of each request a server receives, on the thread that runs the
 * endpoint and inside the server's observation (so a trace or timer covers it): the one
 * place to check a request's context before any endpoint sees it, to put the
 * {@code request_id} into the logging MDC, or to time requests. It sees every request,
 * including those no endpoint serves.
 * <ul>
 * <li>Continue: return {@code chain.proceed(request)}, or
 * {@code chain.proceed(request.withContext(...))} to hand the endpoint another
 * context.</li>
 * <li>Refuse: throw. A {@link DispatchFailure} is sent back as the
 * {@link io.oslo4j.rpc.wire.FailureRecord} it carries (pick the class and module Python
 * callers expect, e.g. {@code FailureRecord.of("Forbidden", "nova.exception", "...")})
 * and logged at debug; any other exception is sent back as an endpoint's would be, and
 * logged as an error. Or return an {@link RpcDispatcher.Outcome} carrying an exception
 * marked expected.</li>
 * </ul>
 * Interceptors run in order, the first outermost. <pre class="code">
 * RpcServerInterceptor mdc = (request, chain) -&gt; {
 * 	try (MDC.MDCCloseable id = MDC.putCloseable("request_id", String.valueOf(request.context().get("request_id")))) {
 * 		return chain.proceed(request);
 * 	}
 * };
 * </pre>
 */
@FunctionalInterface
public interface RpcServerInterceptor {

	/**
	 * Intercepts a request.
	 * @param request the request and its context
	 * @param chain the rest of the chain, ending in the dispatcher
	 * @return the outcome to reply with (nothing is sent for a cast)
	 */
	RpcDispatcher.Outcome intercept(RpcServerRequest request, Chain chain);

	/**
	 * The rest of the interceptor chain.
	 */
	@FunctionalInterface
	interface Chain {

		/**
		 * Passes the request on: to the next interceptor, or to the endpoint.
		 * @param request the request (the one received, or a copy with another context)
		 * @return the outcome
		 * @throws DispatchFailure when no endpoint serves it or its arguments are wrong
		 */
		RpcDispatcher.Outcome proceed(RpcServerRequest request);

	}

}
