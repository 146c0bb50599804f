package io.oslo4j.rpc.observation;

import io.micrometer.common.KeyValues;

/**
 * What both sides know of one observed RPC request: topic, method, kind and outcome, the
 * low-cardinality keys of the timers {@code rpc.client.requests} and
 * {@code rpc.server.requests}. The outcome starts as {@code success} and is set when the
 * request ends.
 */
public final class RpcRequestFacts {

	private final String topic;

	private final String method;

	private final RpcKind kind;

	private volatile String outcome = "success";

	/**
	 * Makes the facts of a request.
	 * @param topic the target's topic
	 * @param method the method name
	 * @param kind call, cast or fanout
	 */
	public RpcRequestFacts(String topic, String method, RpcKind kind) {
		this.topic = topic;
		this.method = method;
		this.kind = kind;
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
	 * {@code error} on clients; {@code success}, {@code error} or {@code rejected} (no
	 * such method, version or namespace) on servers.
	 * @return the outcome
	 */
	public String outcome() {
		return this.outcome;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

	/**
	 * Returns the tags {@code rpc.topic}, {@code rpc.method}, {@code rpc.kind} and
	 * {@code outcome}.
	 * @return the low-cardinality key values
	 */
	public KeyValues lowCardinalityKeyValues() {
		return KeyValues.of("rpc.topic", this.topic, "rpc.method", this.method, "rpc.kind", this.kind.tag(), "outcome",
				this.outcome);
	}

}
