package io.oslo4j.rpc.client;

import java.util.List;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.observation.RpcKind;

/**
 * Runs a client's {@link RpcClientInterceptor}s, in order, on the context of a message
 * about to be sent.
 */
final class ClientInterceptors {

	private ClientInterceptors() {
	}

	/**
	 * Returns the context to send: what the last interceptor returned, or {@code ctx}
	 * when there is none.
	 * @param interceptors the client's interceptors, in order
	 * @param target where the message goes
	 * @param method the method on the wire
	 * @param kind call, cast or fanout cast
	 * @param ctx the context the caller gave
	 * @return the context to send
	 * @throws IllegalStateException when an interceptor returns no context
	 */
	static RpcContext apply(List<RpcClientInterceptor> interceptors, Target target, String method, RpcKind kind,
			RpcContext ctx) {
		RpcContext result = ctx;
		for (int i = 0; i < interceptors.size(); i++) {
			RpcClientInterceptor interceptor = interceptors.get(i);
			result = interceptor.intercept(new RpcClientCall(target, method, kind, result));
			if (result == null) {
				throw new IllegalStateException("RpcClientInterceptor " + interceptor.getClass().getName()
						+ " returned no context for '" + method + "': return call.context() to keep it unchanged");
			}
		}
		return result;
	}

}
