package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts servers (and notification listeners); with {@code rpc.fail-fast=false} one that
 * cannot start (broker down, or a declaration the broker refuses) is retried in the
 * background as {@code rpc.start-retry.*} says (by default after 1 s, doubling up to 30
 * s), until it starts or the registry stops. The last failure of one that has not started
 * yet is kept for health. Used by {@link AbstractConsumerRegistry} only.
 */
final class ServerStarter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ServerStarter.class);

	private final boolean failFast;

	private final RpcStartRetryProperties retry;

	private final Map<Object, RuntimeException> failures = new ConcurrentHashMap<>();

	private @Nullable ScheduledExecutorService retries;

	private boolean closed;

	/**
	 * Makes a starter retrying by the default {@code rpc.start-retry.*}.
	 * @param failFast whether a start failure is thrown ({@code rpc.fail-fast})
	 */
	ServerStarter(boolean failFast) {
		this(failFast, new RpcStartRetryProperties());
	}

	/**
	 * Makes a starter.
	 * @param failFast whether a start failure is thrown ({@code rpc.fail-fast})
	 * @param retry how the background retries are spaced ({@code rpc.start-retry.*})
	 */
	ServerStarter(boolean failFast, RpcStartRetryProperties retry) {
		this.failFast = failFast;
		this.retry = retry;
	}

	/**
	 * Starts something, or retries it in the background when it fails and fail-fast is
	 * off; a retry that finds it stopped ({@link IllegalStateException}) gives up.
	 * @param consumer what is started (a server or listener), the key of
	 * {@link #failure(Object)}
	 * @param name what is started, for the log
	 * @param start starts it
	 */
	void start(Object consumer, String name, Runnable start) {
		try {
			start.run();
		}
		catch (RuntimeException ex) {
			if (this.failFast) {
				throw ex;
			}
			this.failures.put(consumer, ex);
			logger.warn("{} could not start ({}); retrying in the background (rpc.fail-fast=false)", name,
					ex.getMessage());
			retry(consumer, name, start, this.retry.getInitialInterval().toMillis());
		}
	}

	/**
	 * Returns why something has not started yet.
	 * @param consumer the server or listener
	 * @return its last start failure, or {@code null} when it started (or never failed)
	 */
	@Nullable RuntimeException failure(Object consumer) {
		return this.failures.get(consumer);
	}

	private synchronized void retry(Object consumer, String name, Runnable start, long delayMillis) {
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
				start.run();
				this.failures.remove(consumer);
				logger.info("{} started", name);
			}
			catch (IllegalStateException ex) {
				// stopped meanwhile
			}
			catch (RuntimeException ex) {
				this.failures.put(consumer, ex);
				logger.debug("{} still cannot start: {}", name, ex.getMessage());
				retry(consumer, name, start, this.retry.next(Duration.ofMillis(delayMillis)).toMillis());
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
