package io.oslo4j.rpc.observation;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;
import org.jspecify.annotations.Nullable;

/**
 * What an RPC client observation knows: topic, method, kind and outcome. The carrier is
 * the request's context entries, so tracing headers travel as {@code _context_*} keys
 * that oslo peers ignore.
 */
public final class RpcObservationContext extends RequestReplySenderContext<Map<String, @Nullable Object>, Object> {

	private final String topic;

	private final String method;

	private final RpcKind kind;

	private String outcome = "success";

	public RpcObservationContext(String topic, String method, RpcKind kind, Map<String, @Nullable Object> carrier) {
		super((map, key, value) -> {
			if (map != null) {
				map.put(key, value);
			}
		}, Kind.PRODUCER);
		this.topic = topic;
		this.method = method;
		this.kind = kind;
		setCarrier(carrier);
	}

	public String topic() {
		return this.topic;
	}

	public String method() {
		return this.method;
	}

	public RpcKind kind() {
		return this.kind;
	}

	/**
	 * Returns the outcome: {@code success}, {@code remote_error}, {@code timeout} or
	 * {@code error}.
	 * @return the outcome
	 */
	public String outcome() {
		return this.outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
