package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;

import io.oslo4j.rpc.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Connects an auto-configured transport when the application context starts, before the
 * RPC servers and notification listeners do ({@link #PHASE}), never while beans are
 * created. With fail-fast, {@link #start()} waits up to the connect timeout and fails
 * startup with {@link RpcBrokerUnavailableException} when the broker is not reachable by
 * then; without, it returns at once and a thread of its own logs whether the broker was
 * reached within the timeout, so that an application (or a test) without a broker starts
 * without waiting.
 */
public final class RpcTransportConnector implements SmartLifecycle {

	/**
	 * The lifecycle phase: before the phase of the RPC servers and notification listeners
	 * ({@link RpcEndpointRegistry#PHASE}), so that it starts before them and stops after
	 * them.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private static final Logger logger = LoggerFactory.getLogger(RpcTransportConnector.class);

	private final Transport transport;

	private final String name;

	private final String source;

	private final Duration timeout;

	private final boolean failFast;

	private volatile boolean running;

	/**
	 * Makes a connector.
	 * @param transport the transport to connect
	 * @param name what the broker is for, in log messages (e.g. {@code RPC broker})
	 * @param source where the URL came from (e.g. {@code rpc.transport-url})
	 * @param timeout how long to wait for the connection ({@code rpc.connect-timeout})
	 * @param failFast whether an unreachable broker fails startup
	 */
	public RpcTransportConnector(Transport transport, String name, String source, Duration timeout, boolean failFast) {
		this.transport = transport;
		this.name = name;
		this.source = source;
		this.timeout = timeout;
		this.failFast = failFast;
	}

	@Override
	public void start() {
		this.running = true;
		if (this.failFast) {
			if (!this.transport.connect(this.timeout)) {
				throw new RpcBrokerUnavailableException(this.transport.url().toString(), this.timeout);
			}
			connected();
			return;
		}
		Thread thread = new Thread(this::connectInBackground, "oslo4j-connect");
		thread.setDaemon(true);
		thread.start();
	}

	private void connectInBackground() {
		boolean connected = this.transport.connect(this.timeout);
		if (!this.running) {
			return;
		}
		if (connected) {
			connected();
		}
		else {
			logger.warn("oslo4j: the {} at {} (from {}) is not reachable within {} (rpc.connect-timeout); "
					+ "the application runs anyway and keeps connecting in the background (rpc.fail-fast=false); "
					+ "servers and listeners start consuming and health turns UP once it is reachable", this.name,
					this.transport.url(), this.source, this.timeout);
		}
	}

	private void connected() {
		logger.info("oslo4j: connected to the {} at {} (from {})", this.name, this.transport.url(), this.source);
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
