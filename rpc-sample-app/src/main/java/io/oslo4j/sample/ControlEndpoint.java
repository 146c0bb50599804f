package io.oslo4j.sample;

import java.util.concurrent.atomic.AtomicLong;

import io.oslo4j.rpc.annotation.RpcEndpoint;

import io.oslo4j.rpc.boot.autoconfigure.RpcProperties;

/**
 * Operations endpoint in namespace {@code control} (version 1.0): a ping and a refresh
 * that every server receives (fanout).
 */
@RpcEndpoint(namespace = "control", version = "1.0")
public class ControlEndpoint {

	private final String serverName;

	private final AtomicLong refreshes = new AtomicLong();

	public ControlEndpoint(RpcProperties properties) {
		this.serverName = properties.getServer().effectiveName();
	}

	/**
	 * Returns the name of the server that answered.
	 * @return the server name
	 */
	public String ping() {
		return this.serverName;
	}

	/**
	 * Counts a refresh (sent as a fanout cast).
	 */
	public void refresh() {
		this.refreshes.incrementAndGet();
	}

	/**
	 * Returns how many refreshes this server received.
	 * @return the count
	 */
	public long refreshes() {
		return this.refreshes.get();
	}

}
