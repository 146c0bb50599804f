package io.oslo4j.rpc.observation;

/**
 * An observation context of an RPC request, on the client ({@link RpcObservationContext})
 * or the server ({@link RpcServerObservationContext}): gives custom conventions and
 * handlers the request's {@link RpcRequestFacts}.
 */
public interface RpcRequestContext {

	/**
	 * Returns the facts of the observed request.
	 * @return topic, method, kind and outcome
	 */
	RpcRequestFacts request();

	/**
	 * Returns the target's topic.
	 * @return the topic
	 */
	default String topic() {
		return request().topic();
	}

	/**
	 * Returns the method name.
	 * @return the method
	 */
	default String method() {
		return request().method();
	}

	/**
	 * Returns the kind of request.
	 * @return call, cast or fanout
	 */
	default RpcKind kind() {
		return request().kind();
	}

	/**
	 * Returns the outcome (see {@link RpcRequestFacts#outcome()}).
	 * @return the outcome
	 */
	default String outcome() {
		return request().outcome();
	}

	/**
	 * Sets the outcome when the request ends.
	 * @param outcome the outcome
	 */
	default void setOutcome(String outcome) {
		request().setOutcome(outcome);
	}

}
