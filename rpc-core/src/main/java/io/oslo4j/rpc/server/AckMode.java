package io.oslo4j.rpc.server;

/**
 * When a server acknowledges a request to the broker.
 */
public enum AckMode {

	/**
	 * On receipt, before dispatch: oslo's behaviour (at most once). A server that crashes
	 * mid-request loses it and the caller times out.
	 */
	ON_RECEIPT,

	/**
	 * After dispatch, once the reply was sent (at least once). A server that crashes
	 * mid-request leaves it to be redelivered to another server; duplicates are dropped
	 * by {@code _unique_id} within one server. On a graceful stop the requests already
	 * running are acknowledged when the stop begins (they finish here and must not run
	 * again elsewhere) and those still waiting for a worker go back to the queue.
	 */
	AFTER_DISPATCH

}
