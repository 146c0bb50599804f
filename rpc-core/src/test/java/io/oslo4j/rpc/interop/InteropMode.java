package io.oslo4j.rpc.interop;

/**
 * A mode of oslo.messaging's rabbit driver, as deployments configure it: the
 * {@code [oslo_messaging_rabbit]} options, given to Java and Python peers alike as a
 * transport URL query.
 */
public enum InteropMode {

	/** oslo's defaults: classic transient queues and a transient fanout exchange. */
	DEFAULT("", false, false, false),

	/**
	 * Quorum topic queues and a durable control exchange; reply and fanout queues as by
	 * default.
	 */
	QUORUM("rabbit_quorum_queue=true", true, false, false),

	/**
	 * kolla-ansible 2025.1: quorum queues everywhere, a stream per topic for fanout, the
	 * queue manager's names for reply queues, prefetch 1.
	 */
	KOLLA("rabbit_quorum_queue=true&rabbit_transient_quorum_queue=true&use_queue_manager=true"
			+ "&rabbit_stream_fanout=true&rabbit_qos_prefetch_count=1", true, true, true),

	/**
	 * openstack-ansible 2024.1+: quorum queues everywhere, a stream per topic for fanout,
	 * prefetch 10, random reply queue names.
	 */
	OSA("rabbit_quorum_queue=true&rabbit_transient_quorum_queue=true&rabbit_stream_fanout=true"
			+ "&rabbit_qos_prefetch_count=10", true, true, false);

	private final String query;

	private final boolean quorumQueues;

	private final boolean streamFanout;

	private final boolean queueManager;

	InteropMode(String query, boolean quorumQueues, boolean streamFanout, boolean queueManager) {
		this.query = query;
		this.quorumQueues = quorumQueues;
		this.streamFanout = streamFanout;
		this.queueManager = queueManager;
	}

	/**
	 * Returns the mode's options as a URL query without the {@code ?}, empty for
	 * {@link #DEFAULT}.
	 * @return the query
	 */
	public String query() {
		return this.query;
	}

	/**
	 * Returns whether topic queues are durable quorum queues
	 * ({@code rabbit_quorum_queue}).
	 * @return whether topic queues are quorum queues
	 */
	public boolean quorumQueues() {
		return this.quorumQueues;
	}

	/**
	 * Returns whether fanout goes through one stream per topic, {@code <topic>_fanout}
	 * ({@code rabbit_stream_fanout}).
	 * @return whether fanout uses a stream
	 */
	public boolean streamFanout() {
		return this.streamFanout;
	}

	/**
	 * Returns whether the mode names reply and fanout queues with the queue manager
	 * ({@code use_queue_manager}), after the host and the process name.
	 * @return whether it uses the queue manager
	 */
	public boolean usesQueueManager() {
		return this.queueManager;
	}

	/**
	 * Returns the virtual host the interop tests use for this mode: the default one for
	 * {@link #DEFAULT}, one of its own otherwise, since modes disagree on the durability
	 * of the control exchange that all of them declare.
	 * @return the virtual host name
	 */
	public String virtualHost() {
		return (this == DEFAULT) ? "/" : "oslo4j-interop-" + name().toLowerCase();
	}

}
