package io.oslo4j.rpc.interop;

import org.jspecify.annotations.Nullable;

/**
 * The Python oslo.messaging a {@link PythonOslo} peer runs: one per stack of the interop
 * matrix.
 *
 * <p>
 * {@link #OSLO_14} is the host's interpreter; the others run in the
 * {@link io.oslo4j.rpc.test.Debian13Root Debian 13 root} through
 * {@code setsid chroot <root> env -i}, each in its own session and process group (oslo's
 * queue manager reads its process group's {@code /proc} entry, and counts its queue names
 * per process group), with {@code [oslo_concurrency] lock_path} set (the queue manager
 * locks its counter). The rabbit options of a mode go in the transport URL query, e.g.
 * {@code ?rabbit_quorum_queue=true&rabbit_transient_quorum_queue=true&use_queue_manager=true&rabbit_stream_fanout=true&rabbit_qos_prefetch_count=1},
 * and so do {@code hostname} and {@code processname}, which name the queue manager's
 * queues ({@code reply_<hostname>:<processname>:<n>}; the process name defaults to the
 * script's file name, so two peers that run the same script in different process groups
 * share queue names unless given their own).
 */
public enum OsloPeer {

	/**
	 * Debian 12's python3-oslo.messaging 14.0.3: the host's {@code /usr/bin/python3}, or
	 * the interpreter named by {@value PythonOslo#PYTHON_VARIABLE}. It knows none of the
	 * 2024 options (transient quorum queues, queue manager, stream fanout) and rejects
	 * them in the URL.
	 */
	OSLO_14("14.0.3", null),

	/** Debian 13's python3-oslo.messaging 16.1.0: the root's {@code /usr/bin/python3}. */
	OSLO_16("16.1.0", "/usr/bin/python3"),

	/**
	 * Upstream oslo.messaging 18.1.0: the root's venv {@code /opt/oslo18} (over the
	 * root's Debian 13 libraries).
	 */
	OSLO_18("18.1.0", "/opt/oslo18/bin/python3");

	private final String version;

	private final @Nullable String interpreterInRoot;

	OsloPeer(String version, @Nullable String interpreterInRoot) {
		this.version = version;
		this.interpreterInRoot = interpreterInRoot;
	}

	/** Returns the oslo.messaging version this peer runs, e.g. {@code 16.1.0}. */
	public String version() {
		return this.version;
	}

	/** Returns whether the peer runs in the Debian 13 root. */
	public boolean inDebian13Root() {
		return this.interpreterInRoot != null;
	}

	/**
	 * Returns whether the peer's {@code Notifier} sends a context given as a plain dict.
	 * oslo.messaging 16.1.0 and 18.1.0 send none for a dict (only an oslo.context
	 * {@code RequestContext}, redacted, gets through); 14.0.3 sends the dict's safe keys.
	 * @return whether dict contexts reach notification listeners
	 */
	public boolean notifiesDictContexts() {
		return this == OSLO_14;
	}

	/**
	 * Checks (once) that the peer's interpreter imports this peer's oslo.messaging. Fails
	 * under {@code CI=true}, otherwise aborts the test.
	 */
	public void require() {
		PeerRuntime.of(this).python();
	}

	/**
	 * Returns the peer's interpreter as the root sees it, or null for {@link #OSLO_14}.
	 * @return the interpreter in the root
	 */
	@Nullable String interpreterInRoot() {
		return this.interpreterInRoot;
	}

	@Override
	public String toString() {
		return "oslo.messaging " + this.version;
	}

}
