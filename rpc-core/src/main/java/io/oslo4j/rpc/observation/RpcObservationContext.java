package io.oslo4j.rpc.observation;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;
import org.jspecify.annotations.Nullable;

/**
 * What an RPC client observation knows: topic, method, kind and outcome
 * ({@link #request()}). The carrier is the request's context entries: a tracer's
 * propagator writes its headers there (W3C {@code traceparent}, {@code tracestate},
 * {@code baggage}), so they travel as {@code _context_traceparent} and friends, which
 * oslo peers keep in the context dict and otherwise ignore.
 */
public final class RpcObservationContext extends RequestReplySenderContext<Map<String, @Nullable Object>, Object>
		implements RpcRequestContext {

	private final RpcRequestFacts request;

	/**
	 * Makes the context of a client request.
	 * @param topic the target's topic
	 * @param method the method name
	 * @param kind call, cast or fanout
	 * @param carrier the context entries to send, which tracing headers are added to
	 */
	public RpcObservationContext(String topic, String method, RpcKind kind, Map<String, @Nullable Object> carrier) {
		super((map, key, value) -> {
			if (map != null) {
				map.put(key, value);
			}
		}, Kind.PRODUCER);
		this.request = new RpcRequestFacts(topic, method, kind);
		setCarrier(carrier);
	}

	@Override
	public RpcRequestFacts request() {
		return this.request;
	}

}
