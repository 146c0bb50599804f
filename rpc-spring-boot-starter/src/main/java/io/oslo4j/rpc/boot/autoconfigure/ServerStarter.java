package io.oslo4j.rpc.boot.autoconfigure;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.server.RpcServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts servers; with {@code rpc.fail-fast=false} a server that cannot start (broker
 * down) is retried in the background, every 1 s doubling up to 30 s, until it starts or
 * the registry stops.
 */
final class ServerStarter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ServerStarter.class);

	private static final long MAX_DELAY_MILLIS = 30_000;

	private final boolean failFast;

	private @Nullable ScheduledExecutorService retries;

	private boolean closed;

	ServerStarter(boolean failFast) {
		this.failFast = failFast;
	}

	void start(RpcServer server) {
		try {
			server.start();
		}
		catch (RuntimeException ex) {
			if (this.failFast) {
				throw ex;
			}
			logger.warn("RPC server {} could not start ({}); retrying in the background (rpc.fail-fast=false)",
					server.target(), ex.getMessage());
			retry(server, 1000);
		}
	}

	private synchronized void retry(RpcServer server, long delayMillis) {
		if (this.closed) {
			return;
		}
		if (this.retries == null) {
			this.retries = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "oslo4j-rpc-server-retry");
				thread.setDaemon(true);
				return thread;
			});
		}
		this.retries.schedule(() -> {
			try {
				server.start();
				logger.info("RPC server {} started", server.target());
			}
			catch (IllegalStateException ex) {
				// stopped meanwhile
			}
			catch (RuntimeException ex) {
				logger.debug("RPC server {} still cannot start: {}", server.target(), ex.getMessage());
				retry(server, Math.min(MAX_DELAY_MILLIS, delayMillis * 2));
			}
		}, delayMillis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.retries != null) {
			this.retries.shutdownNow();
		}
	}

}
