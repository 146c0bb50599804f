package io.oslo4j.rpc.observation;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * What an RPC server observation knows: topic, method, kind and outcome; tracing headers
 * are read from the request's context entries.
 */
public final class RpcServerObservationContext extends ReceiverContext<Map<String, @Nullable Object>> {

	private final String topic;

	private final String method;

	private final RpcKind kind;

	private String outcome = "success";

	public RpcServerObservationContext(String topic, String method, RpcKind kind,
			Map<String, @Nullable Object> carrier) {
		super((map, key) -> {
			Object value = map.get(key);
			return (value != null) ? value.toString() : null;
		}, Kind.CONSUMER);
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

	public String outcome() {
		return this.outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
