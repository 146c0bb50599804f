package io.oslo4j.rpc.observation;

/**
 * The kind of an RPC request, as a low-cardinality tag.
 */
public enum RpcKind {

	/** A call: a reply is awaited. */
	CALL,

	/** A cast to one server of the topic. */
	CAST,

	/** A cast to every server of the topic. */
	FANOUT;

	/**
	 * Returns the tag value: {@code call}, {@code cast} or {@code fanout}.
	 * @return the tag value
	 */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
