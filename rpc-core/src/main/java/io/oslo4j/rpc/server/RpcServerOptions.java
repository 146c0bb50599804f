package io.oslo4j.rpc.server;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.observation.RpcServerObservationConvention;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link RpcServer} runs.
 *
 * @param executorThreads worker threads dispatching requests (oslo's
 * {@code executor_thread_pool_size}, 64); 0 runs each request on the consumer thread that
 * received it, with no hand-off to a worker: the fastest for endpoints that never block,
 * but a slow method then holds up the requests behind it on its queue (oslo's threading
 * executor does not)
 * @param queueCapacity requests waiting for a worker; when full, the consumer waits,
 * which pushes back to the broker (with a prefetch limit) instead of growing memory
 * (unused without workers)
 * @param ackMode when requests are acknowledged
 * @param duplicateCacheSize how many recent {@code _unique_id}s are remembered to drop
 * duplicates (oslo remembers 16)
 * @param shutdownTimeout how long {@link RpcServer#close()} lets in-flight requests
 * finish
 * @param serializer converts arguments and results
 * @param codec encodes and decodes messages
 * @param observations where {@code rpc.server.requests} observations go (a no-op registry
 * by default)
 * @param executor runs the requests instead of the server's own threads (virtual threads,
 * or an application's pool), at most {@code executorThreads} at once with
 * {@code queueCapacity} more waiting, as with the server's own threads; {@code null} for
 * the server's own threads. Unused with {@code executorThreads} 0. The server never shuts
 * it down.
 * @param observationConvention names and tags the server observations, or {@code null}
 * for the default
 * @param taskDecorator decorates each request handed to the server's own threads, on the
 * consumer thread that hands it over (as Spring's {@code TaskDecorator}: to carry context
 * to the worker, or to set and clear it around the work); {@code null} for none. Unused
 * with an {@code executor} (which decorates its own tasks) or with
 * {@code executorThreads} 0.
 */
public record RpcServerOptions(int executorThreads, int queueCapacity, AckMode ackMode, int duplicateCacheSize,
		Duration shutdownTimeout, Serializer serializer, WireCodec codec, ObservationRegistry observations,
		@Nullable Executor executor, @Nullable RpcServerObservationConvention observationConvention,
		@Nullable UnaryOperator<Runnable> taskDecorator) {

	public RpcServerOptions {
		if (executorThreads < 0) {
			throw new IllegalArgumentException(
					"executorThreads must be 0 (the consumer thread) or more, was " + executorThreads);
		}
		if (queueCapacity < 1) {
			throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
		}
		if (duplicateCacheSize < 0) {
			throw new IllegalArgumentException("duplicateCacheSize must not be negative, was " + duplicateCacheSize);
		}
		if (shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException("shutdownTimeout must not be negative, was " + shutdownTimeout);
		}
	}

	/**
	 * Returns the defaults: 64 threads, 1024 queued requests, ack on receipt, 1024
	 * remembered ids, 30 s shutdown timeout, Jackson.
	 * @return the defaults
	 */
	public static RpcServerOptions defaults() {
		return new RpcServerOptions(64, 1024, AckMode.ON_RECEIPT, 1024, Duration.ofSeconds(30),
				JacksonSerializer.defaultSerializer(), WireCodec.defaultCodec(), ObservationRegistry.NOOP, null, null,
				null);
	}

	public RpcServerOptions withExecutorThreads(int executorThreads) {
		return new RpcServerOptions(executorThreads, this.queueCapacity, this.ackMode, this.duplicateCacheSize,
				this.shutdownTimeout, this.serializer, this.codec, this.observations, this.executor,
				this.observationConvention, this.taskDecorator);
	}

	public RpcServerOptions withQueueCapacity(int queueCapacity) {
		return new RpcServerOptions(this.executorThreads, queueCapacity, this.ackMode, this.duplicateCacheSize,
				this.shutdownTimeout, this.serializer, this.codec, this.observations, this.executor,
				this.observationConvention, this.taskDecorator);
	}

	public RpcServerOptions withAckMode(AckMode ackMode) {
		return new RpcServerOptions(this.executorThreads, this.queueCapacity, ackMode, this.duplicateCacheSize,
				this.shutdownTimeout, this.serializer, this.codec, this.observations, this.executor,
				this.observationConvention, this.taskDecorator);
	}

	public RpcServerOptions withDuplicateCacheSize(int duplicateCacheSize) {
		return new RpcServerOptions(this.executorThreads, this.queueCapacity, this.ackMode, duplicateCacheSize,
				this.shutdownTimeout, this.serializer, this.codec, this.observations, this.executor,
				this.observationConvention, this.taskDecorator);
	}

	public RpcServerOptions withShutdownTimeout(Duration shutdownTimeout) {
		return new RpcServerOptions(this.executorThreads, this.queueCapacity, this.ackMode, this.duplicateCacheSize,
				shutdownTimeout, this.serializer, this.codec, this.observations, this.executor,
				this.observationConvention, this.taskDecorator);
	}

	public RpcServerOptions withSerializer(Serializer serializer, WireCodec codec) {
		return new RpcServerOptions(this.executorThreads, this.queueCapacity, this.ackMode, this.duplicateCacheSize,
				this.shutdownTimeout, serializer, codec, this.observations, this.executor, this.observationConvention,
				this.taskDecorator);
	}

	public RpcServerOptions withObservations(ObservationRegistry observations) {
		return new RpcServerOptions(this.executorThreads, this.queueCapacity, this.ackMode, this.duplicateCacheSize,
				this.shutdownTimeout, this.serializer, this.codec, observations, this.executor,
				this.observationConvention, this.taskDecorator);
	}

	/**
	 * Returns these options with requests run on an executor of the application's.
	 * @param executor the executor (for instance virtual threads), or {@code null} for
	 * the server's own threads
	 * @return the options
	 */
	public RpcServerOptions withExecutor(@Nullable Executor executor) {
		return new RpcServerOptions(this.executorThreads, this.queueCapacity, this.ackMode, this.duplicateCacheSize,
				this.shutdownTimeout, this.serializer, this.codec, this.observations, executor,
				this.observationConvention, this.taskDecorator);
	}

	/**
	 * Returns these options with another convention for the server observations.
	 * @param observationConvention the convention, or {@code null} for the default
	 * @return the options
	 */
	public RpcServerOptions withObservationConvention(@Nullable RpcServerObservationConvention observationConvention) {
		return new RpcServerOptions(this.executorThreads, this.queueCapacity, this.ackMode, this.duplicateCacheSize,
				this.shutdownTimeout, this.serializer, this.codec, this.observations, this.executor,
				observationConvention, this.taskDecorator);
	}

	/**
	 * Returns these options with the requests handed to the server's own threads
	 * decorated.
	 * @param taskDecorator the decorator, or {@code null} for none
	 * @return the options
	 */
	public RpcServerOptions withTaskDecorator(@Nullable UnaryOperator<Runnable> taskDecorator) {
		return new RpcServerOptions(this.executorThreads, this.queueCapacity, this.ackMode, this.duplicateCacheSize,
				this.shutdownTimeout, this.serializer, this.codec, this.observations, this.executor,
				this.observationConvention, taskDecorator);
	}

}
