package io.oslo4j.rpc.observation;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * What an RPC server observation knows: topic, method, kind and outcome
 * ({@link #request()}); a tracer's propagator reads the client's tracing headers (W3C
 * {@code traceparent}) from the request's context entries, so the server's span joins the
 * client's trace.
 */
public final class RpcServerObservationContext extends ReceiverContext<Map<String, @Nullable Object>>
		implements RpcRequestContext {

	private final RpcRequestFacts request;

	/**
	 * Makes the context of a request received by a server.
	 * @param topic the server's topic
	 * @param method the method name
	 * @param kind call or cast
	 * @param carrier the request's context entries
	 */
	public RpcServerObservationContext(String topic, String method, RpcKind kind,
			Map<String, @Nullable Object> carrier) {
		super((map, key) -> {
			Object value = map.get(key);
			return (value != null) ? value.toString() : null;
		}, Kind.CONSUMER);
		this.request = new RpcRequestFacts(topic, method, kind);
		setCarrier(carrier);
	}

	@Override
	public RpcRequestFacts request() {
		return this.request;
	}

}
