package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.GracefulStop;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * The lifecycle the starter's registries share, for the servers or notification listeners
 * they run, in phase {@link #PHASE}: {@link #start()} creates and starts them (with
 * {@code rpc.fail-fast=false} one that cannot start is retried in the background as
 * {@code rpc.start-retry.*} says, and its last failure is kept for health);
 * {@link #stop(Runnable)} stops them all from taking messages at once, then lets the
 * messages being handled finish within one shutdown timeout, on a thread of its own, so
 * that the RPC servers and the notification listeners drain at the same time.
 *
 * @param <T> what the registry runs
 */
public abstract class AbstractConsumerRegistry<T extends GracefulStop> implements SmartLifecycle {

	/**
	 * The lifecycle phase of the RPC servers and the notification listeners: they start
	 * after the transport connector ({@link RpcTransportConnector#PHASE}) and stop before
	 * it, together, and with a web server's graceful shutdown
	 * ({@code SmartLifecycle.DEFAULT_PHASE - 1024}).
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

	private final List<T> consumers = new CopyOnWriteArrayList<>();

	private final boolean failFast;

	private final RpcStartRetryProperties startRetry;

	private final String drainThreadName;

	// the longest of the shutdown timeouts (a customizer may lengthen one)
	private volatile Duration shutdownTimeout;

	private volatile @Nullable ServerStarter starter;

	private volatile boolean running;

	/**
	 * Makes the registry.
	 * @param failFast whether one that cannot start fails startup ({@code rpc.fail-fast})
	 * @param startRetry how one that cannot start is retried ({@code rpc.start-retry.*})
	 * @param shutdownTimeout how long messages being handled may run on when stopping
	 * @param drainThreadName the name of the thread that waits for them on
	 * {@link #stop(Runnable)}
	 */
	protected AbstractConsumerRegistry(boolean failFast, RpcStartRetryProperties startRetry, Duration shutdownTimeout,
			String drainThreadName) {
		this.failFast = failFast;
		this.startRetry = startRetry;
		this.shutdownTimeout = shutdownTimeout;
		this.drainThreadName = drainThreadName;
	}

	/**
	 * Lets messages being handled run on for up to {@code timeout} when stopping, if that
	 * is longer than before (one server or listener's options said so).
	 * @param timeout a shutdown timeout
	 */
	protected final void shutdownTimeoutAtLeast(Duration timeout) {
		if (timeout.compareTo(this.shutdownTimeout) > 0) {
			this.shutdownTimeout = timeout;
		}
	}

	@Override
	public final synchronized void start() {
		if (this.running) {
			return;
		}
		ServerStarter consumerStarter = new ServerStarter(this.failFast, this.startRetry);
		this.starter = consumerStarter;
		startAll((consumer, name, start) -> {
			this.consumers.add(consumer);
			consumerStarter.start(consumer, name, start);
		});
		this.running = true;
	}

	/**
	 * Creates what the registry runs and starts each through the starter.
	 * @param starter starts one (and keeps it, to stop it later)
	 */
	protected abstract void startAll(Starter<T> starter);

	@Override
	public final void stop() {
		GracefulStop.stopAll(stopTaking(), this.shutdownTimeout);
	}

	/**
	 * Stops every server or listener taking messages now, and lets those being handled
	 * finish on a thread of its own, within the shutdown timeout; then runs the callback.
	 * @param callback told when all have stopped
	 */
	@Override
	public final void stop(Runnable callback) {
		List<T> stopping = stopTaking();
		if (stopping.isEmpty()) {
			callback.run();
			return;
		}
		Thread drain = new Thread(() -> {
			try {
				GracefulStop.stopAll(stopping, this.shutdownTimeout);
			}
			finally {
				callback.run();
			}
		}, this.drainThreadName);
		drain.start();
	}

	private synchronized List<T> stopTaking() {
		if (!this.running) {
			return List.of();
		}
		this.running = false;
		ServerStarter consumerStarter = this.starter;
		if (consumerStarter != null) {
			consumerStarter.close();
		}
		List<T> stopping = List.copyOf(this.consumers);
		stopping.forEach(GracefulStop::stop);
		this.consumers.clear();
		return stopping;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public final boolean isRunning() {
		return this.running;
	}

	/**
	 * Returns what the registry runs (empty before the start or once stopped).
	 * @return the servers or listeners
	 */
	protected final List<T> consumers() {
		return List.copyOf(this.consumers);
	}

	/**
	 * Returns why a server or listener has not started yet (with
	 * {@code rpc.fail-fast=false} it is retried in the background): the broker is
	 * unreachable, or it refused a declaration (a
	 * {@link io.oslo4j.rpc.rabbit.DeclarationException}, whose message says which option
	 * to set).
	 * @param consumer one this registry runs
	 * @return its last start failure, or {@code null} when it started
	 */
	public final @Nullable RuntimeException startFailure(T consumer) {
		ServerStarter consumerStarter = this.starter;
		return (consumerStarter != null) ? consumerStarter.failure(consumer) : null;
	}

	/**
	 * Starts one server or listener for {@link #startAll}.
	 *
	 * @param <T> what is started
	 */
	@FunctionalInterface
	protected interface Starter<T> {

		/**
		 * Keeps it and starts it, or (with {@code rpc.fail-fast=false}) retries it in the
		 * background when it cannot start.
		 * @param consumer the server or listener
		 * @param name what it is, for the log
		 * @param start starts it
		 */
		void start(T consumer, String name, Runnable start);

	}

}
