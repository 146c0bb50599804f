package io.oslo4j.rpc.client;

import io.oslo4j.rpc.RpcContext;

/**
 * Sees each call, cast and fanout cast of an {@link RpcTemplate} (and so of every
 * {@code @RpcClient} proxy) before it is sent, on the calling thread, and chooses the
 * context it is sent with: the place to add an auth token, a {@code request_id} or a
 * {@code global_request_id}. Interceptors run in the order of
 * {@link ClientOptions#interceptors()}, each seeing the context the previous one
 * returned. An exception thrown here is thrown to the caller and nothing is sent.
 * <pre class="code">
 * RpcClientInterceptor requestIds = (call) -&gt; call.context().containsKey("request_id") ? call.context()
 * 		: call.context().with("request_id", "req-" + UUID.randomUUID());
 * </pre>
 */
@FunctionalInterface
public interface RpcClientInterceptor {

	/**
	 * Intercepts a message about to be sent.
	 * @param call the target, the wire method name, the kind and the context so far
	 * @return the context to send: {@code call.context()} or a changed copy (never
	 * {@code null})
	 */
	RpcContext intercept(RpcClientCall call);

}
