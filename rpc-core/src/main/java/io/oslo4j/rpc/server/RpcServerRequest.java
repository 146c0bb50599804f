package io.oslo4j.rpc.server;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.wire.RequestMessage;
import org.jspecify.annotations.Nullable;

/**
 * A request as an {@link RpcServerInterceptor} sees it: the message as received and the
 * request context the endpoint will get.
 *
 * @param message the request as received
 * @param context the request context
 */
public record RpcServerRequest(RequestMessage message, RpcContext context) {

	/**
	 * Returns the method called, as on the wire.
	 * @return the method name, or {@code null} when the message has none
	 */
	public @Nullable String method() {
		return this.message.method();
	}

	/**
	 * Returns the namespace requested, as received.
	 * @return the namespace (a string when well formed), or {@code null} for none
	 */
	public @Nullable Object namespace() {
		return this.message.namespace();
	}

	/**
	 * Returns the version requested, as received.
	 * @return the version (a string when well formed)
	 */
	public @Nullable Object version() {
		return this.message.version();
	}

	/**
	 * Returns whether the caller waits for a reply (a call, not a cast).
	 * @return whether it is a call
	 */
	public boolean isCall() {
		return this.message.isCall();
	}

	/**
	 * Returns this request with another context, for the endpoint.
	 * @param context the context
	 * @return the request
	 */
	public RpcServerRequest withContext(RpcContext context) {
		return new RpcServerRequest(this.message, context);
	}

}
