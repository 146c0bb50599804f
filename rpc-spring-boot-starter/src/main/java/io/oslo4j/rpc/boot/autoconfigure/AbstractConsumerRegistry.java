package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.GracefulStop;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * The lifecycle the starter's registries share, for the servers or notification listeners
 * they run: {@link #start()} creates and starts them (with {@code rpc.fail-fast=false}
 * one that cannot start is retried in the background, and its last failure is kept for
 * health); {@link #stop()} stops them all from taking messages, then lets the messages
 * being handled finish within one shutdown timeout.
 *
 * @param <T> what the registry runs
 */
public abstract class AbstractConsumerRegistry<T extends GracefulStop> implements SmartLifecycle {

	private final List<T> consumers = new CopyOnWriteArrayList<>();

	private final boolean failFast;

	private final Duration shutdownTimeout;

	private volatile @Nullable ServerStarter starter;

	private volatile boolean running;

	/**
	 * Makes the registry.
	 * @param failFast whether one that cannot start fails startup ({@code rpc.fail-fast})
	 * @param shutdownTimeout how long messages being handled may run on when stopping
	 */
	protected AbstractConsumerRegistry(boolean failFast, Duration shutdownTimeout) {
		this.failFast = failFast;
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public final synchronized void start() {
		if (this.running) {
			return;
		}
		ServerStarter consumerStarter = new ServerStarter(this.failFast);
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
	public final synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		ServerStarter consumerStarter = this.starter;
		if (consumerStarter != null) {
			consumerStarter.close();
		}
		GracefulStop.stopAll(this.consumers, this.shutdownTimeout);
		this.consumers.clear();
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
