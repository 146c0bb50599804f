package io.oslo4j.rpc.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import io.oslo4j.rpc.GracefulStop;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.WorkerStats;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.Transport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An oslo RPC server: consumes its target's {@code topic}, {@code topic.server} and
 * fanout queues and dispatches each request to its endpoints on bounded workers: its own
 * pool, or the application's {@link RpcServerOptions#executor()} with as many requests at
 * once (or, with {@link RpcServerOptions#executorThreads()} 0, on the consumer thread
 * that received it).
 * <p>
 * Lifecycle, as oslo's {@code MessageHandlingServer}: {@link #start()} begins consuming;
 * {@link #stop()} stops taking new messages; {@link #await(Duration)} waits for in-flight
 * requests to finish (their replies are sent) and then deletes the fanout queue;
 * {@link #close()} does both within the shutdown timeout.
 */
public final class RpcServer implements GracefulStop {

	private static final Logger logger = LoggerFactory.getLogger(RpcServer.class);

	private final Transport transport;

	private final Target target;

	private final RpcServerOptions options;

	// null: requests run on the consumer threads
	private final @Nullable Workers workers;

	private final Heartbeats heartbeats;

	private final RequestProcessor processor;

	private final RpcDispatcher dispatcher;

	private volatile @Nullable Listener listener;

	private volatile boolean stopped;

	/**
	 * Makes a server; nothing is consumed before {@link #start()}.
	 * @param transport the transport
	 * @param target the server's target: a topic and a server name (and optionally an
	 * exchange)
	 * @param endpoints the endpoints, tried in order
	 * @param options how to run
	 * @throws io.oslo4j.rpc.InvalidTargetException when the target lacks a topic or
	 * server
	 */
	public RpcServer(Transport transport, Target target, List<Endpoint> endpoints, RpcServerOptions options) {
		this(transport, target, new RpcDispatcher(endpoints, options.serializer()), options);
	}

	/**
	 * Makes a server dispatching with a given dispatcher (its endpoints, serializer and
	 * interceptors); nothing is consumed before {@link #start()}.
	 * @param transport the transport
	 * @param target the server's target: a topic and a server name
	 * @param dispatcher the dispatcher
	 * @param options how to run (its serializer should be the dispatcher's)
	 * @throws io.oslo4j.rpc.InvalidTargetException when the target lacks a topic or
	 * server
	 */
	public RpcServer(Transport transport, Target target, RpcDispatcher dispatcher, RpcServerOptions options) {
		this.transport = transport;
		this.target = target.validateForListen();
		this.options = options;
		this.dispatcher = dispatcher;
		String name = target.topic() + "." + target.server();
		this.workers = workers(options, name);
		this.heartbeats = new Heartbeats(transport, options.codec(), name);
		this.processor = new RequestProcessor(transport, target.topic(), this.dispatcher, options, this.workers,
				this.heartbeats);
	}

	/**
	 * Makes a server with default options for plain endpoint objects (namespace and
	 * version from their {@link io.oslo4j.rpc.annotation.RpcEndpoint} annotation).
	 * @param transport the transport
	 * @param target the target
	 * @param endpoints the endpoint objects
	 * @return the server
	 */
	public static RpcServer create(Transport transport, Target target, Object... endpoints) {
		List<Endpoint> list = new ArrayList<>();
		for (Object endpoint : endpoints) {
			list.add((endpoint instanceof Endpoint e) ? e : Endpoint.of(endpoint));
		}
		return new RpcServer(transport, target, list, RpcServerOptions.defaults());
	}

	/**
	 * Starts consuming. Idempotent while running.
	 * @return this server
	 * @throws IllegalStateException when the server was stopped
	 */
	public synchronized RpcServer start() {
		if (this.stopped) {
			throw new IllegalStateException("Server " + this.target + " was stopped; make a new one");
		}
		if (this.listener == null) {
			this.listener = this.transport.listen(this.target, this.processor);
			logger.debug("RPC server {} started on {}", this.target, this.transport.url());
		}
		return this;
	}

	/**
	 * Stops taking new messages; requests already taken go on. Idempotent.
	 */
	@Override
	public synchronized void stop() {
		this.stopped = true;
		this.processor.stopAccepting();
		Listener current = this.listener;
		if (current != null) {
			current.stop();
		}
	}

	/**
	 * Waits for in-flight requests to finish, then deletes the fanout queue and releases
	 * the threads. Call after {@link #stop()}.
	 * @param timeout how long to wait
	 * @return whether every request finished in time
	 * @throws InterruptedException when interrupted while waiting
	 */
	@Override
	public boolean await(Duration timeout) throws InterruptedException {
		try {
			long deadline = System.nanoTime() + timeout.toNanos();
			boolean finished;
			if (this.workers != null) {
				this.workers.shutdown();
				finished = this.workers.awaitTermination(timeout.toNanos());
			}
			else {
				finished = true;
			}
			// requests running on consumer threads: all of them without workers, and
			// any acked just as the workers stopped
			finished = finished && this.processor.awaitInline(deadline - System.nanoTime());
			if (!finished) {
				logger.warn("RPC server {}: requests still running after {}", this.target, timeout);
			}
			else if (!this.processor.awaitReplies(deadline - System.nanoTime())) {
				logger.warn("RPC server {}: replies still unconfirmed after {}", this.target, timeout);
			}
			return finished;
		}
		finally {
			release();
		}
	}

	/**
	 * Stops, lets in-flight requests finish within the shutdown timeout, and releases
	 * everything. Idempotent.
	 */
	@Override
	public void close() {
		GracefulStop.close(this, this.options.shutdownTimeout());
	}

	private void release() {
		Listener current = this.listener;
		if (current != null) {
			current.close();
		}
		if (this.workers != null) {
			this.workers.shutdownNow();
		}
		this.heartbeats.close();
	}

	/**
	 * Returns the server's target.
	 * @return the target
	 */
	public Target target() {
		return this.target;
	}

	/**
	 * Returns the dispatcher, with its endpoints.
	 * @return the dispatcher
	 */
	public RpcDispatcher dispatcher() {
		return this.dispatcher;
	}

	/**
	 * Returns whether the server is consuming.
	 * @return whether it runs
	 */
	public boolean isRunning() {
		Listener current = this.listener;
		return !this.stopped && current != null && current.isRunning();
	}

	/**
	 * Returns how many consumers of this server are registered with the broker (three
	 * while it runs on RabbitMQ: topic, server and fanout queue).
	 * @return the number of live consumers
	 */
	public int consumerCount() {
		Listener current = this.listener;
		return (this.stopped || current == null) ? 0 : current.consumerCount();
	}

	/**
	 * Returns how many requests are being dispatched or waiting for a worker.
	 * @return the number of requests in flight
	 */
	public int inFlight() {
		Workers current = this.workers;
		int inline = this.processor.runningInline();
		return (current != null) ? current.inFlight() + inline : inline;
	}

	/**
	 * Returns what the server's workers are doing.
	 * @return the workers' figures, or {@code null} when requests run on the consumer
	 * threads ({@link RpcServerOptions#executorThreads()} 0)
	 */
	public @Nullable WorkerStats workerStats() {
		return this.workers;
	}

	/**
	 * Returns how many messages were dropped as duplicates of a recent {@code _unique_id}
	 * (redeliveries after a connection loss, for instance).
	 * @return the number of duplicates dropped
	 */
	public long duplicatesDropped() {
		return this.processor.duplicatesDropped();
	}

	private static @Nullable Workers workers(RpcServerOptions options, String name) {
		if (options.executorThreads() == 0) {
			return null;
		}
		Executor executor = options.executor();
		return (executor != null) ? new ExecutorWorkers(executor, options.executorThreads(), options.queueCapacity())
				: WorkerQueue.pool(options.executorThreads(), options.queueCapacity(), name, options.taskDecorator());
	}

}
