package io.oslo4j.rpc.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Stable reply and fanout queue names, "reply_<hostname>:<processname>:<n>" and
 * "<topic>_fanout_<hostname>:<processname>:<n>" (oslo's queue manager), so that a
 * restarted service finds its queues again instead of leaving new ones behind:
 * {@code rpc.rabbit.queue-manager.*}.
 */
public class RpcRabbitQueueManagerProperties {

	/**
	 * Whether queue names come from the queue manager (use_queue_manager). Not set:
	 * oslo's default, false.
	 */
	private @Nullable Boolean enabled;

	/**
	 * First part of the queue names (hostname). Not set: the host name.
	 */
	private @Nullable String hostname;

	/**
	 * Second part of the queue names (processname). Not set: spring.application.name when
	 * that is set, else the name of the main class.
	 */
	private @Nullable String processName;

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getHostname() {
		return this.hostname;
	}

	public void setHostname(@Nullable String hostname) {
		this.hostname = hostname;
	}

	public @Nullable String getProcessName() {
		return this.processName;
	}

	public void setProcessName(@Nullable String processName) {
		this.processName = processName;
	}

}
