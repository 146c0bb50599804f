package io.oslo4j.rpc.notify;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.wire.NotificationCodec;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link NotificationListener}.
 *
 * @param pool the pool: listeners with the same pool share the work, each pool gets every
 * notification; {@code null} to consume the {@code <topic>.<priority>} queues
 * @param allowRequeue whether {@link NotificationResult#REQUEUE} (or an endpoint
 * exception) puts the message back; oslo's {@code allow_requeue}, default {@code false}
 * (the message is then acknowledged)
 * @param requeueMalformed whether a message that is not a notification (not JSON, bad
 * envelope) is requeued instead of dropped; default {@code false}, as oslo
 * @param batchSize batch mode: how many messages make a batch (1 = no batching)
 * @param batchTimeout batch mode: how long a partial batch waits; {@code null} = until
 * full
 * @param executorThreads threads calling the endpoints (oslo's threading executor);
 * {@code 0} (the default) calls them on the transport's consumer thread, in the order of
 * each queue. When every thread is busy the consumer thread handles the message itself,
 * which holds back the next delivery instead of queueing in memory.
 * @param shutdownTimeout how long {@link NotificationListener#close()} lets notifications
 * being handled finish
 * @param serializer turns the received context into an {@code RpcContext}
 * @param codec decodes messages
 * @param observations where {@value NotificationObservations#RECEIVED} observations go (a
 * no-op registry by default)
 * @param executor calls the endpoints instead of the listener's own threads (virtual
 * threads, or an application's pool), at most {@code executorThreads} at once, with the
 * same rule when all are busy; {@code null} for the listener's own threads. Unused with
 * {@code executorThreads} 0. The listener never shuts it down.
 * @param taskDecorator decorates each notification handed to the listener's own threads,
 * on the consumer thread that hands it over (as Spring's {@code TaskDecorator}: to carry
 * context to the worker, or to set and clear it around the work); {@code null} for none.
 * Unused with an {@code executor} (which decorates its own tasks) or with
 * {@code executorThreads} 0.
 */
public record NotificationListenerOptions(@Nullable String pool, boolean allowRequeue, boolean requeueMalformed,
		int batchSize, @Nullable Duration batchTimeout, int executorThreads, Duration shutdownTimeout,
		Serializer serializer, NotificationCodec codec, ObservationRegistry observations, @Nullable Executor executor,
		@Nullable UnaryOperator<Runnable> taskDecorator) {

	/** Validates. */
	public NotificationListenerOptions {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
		}
		if (batchTimeout != null && (batchTimeout.isNegative() || batchTimeout.isZero())) {
			throw new IllegalArgumentException("batchTimeout must be positive: " + batchTimeout);
		}
		if (executorThreads < 0) {
			throw new IllegalArgumentException("executorThreads must not be negative: " + executorThreads);
		}
		if (shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException("shutdownTimeout must not be negative: " + shutdownTimeout);
		}
	}

	/**
	 * Returns the defaults: no pool, no requeue, no batching, endpoints on the consumer
	 * thread, 30 s shutdown timeout, Jackson, no observations.
	 * @return the defaults
	 */
	public static NotificationListenerOptions defaults() {
		return new NotificationListenerOptions(null, false, false, 1, null, 0, Duration.ofSeconds(30),
				JacksonSerializer.defaultSerializer(), NotificationCodec.defaultCodec(), ObservationRegistry.NOOP, null,
				null);
	}

	/**
	 * Returns these options with a pool.
	 * @param pool the pool or {@code null}
	 * @return the new options
	 */
	public NotificationListenerOptions withPool(@Nullable String pool) {
		return new NotificationListenerOptions(pool, this.allowRequeue, this.requeueMalformed, this.batchSize,
				this.batchTimeout, this.executorThreads, this.shutdownTimeout, this.serializer, this.codec,
				this.observations, this.executor, this.taskDecorator);
	}

	/**
	 * Returns these options with {@code allow_requeue} set.
	 * @param allowRequeue whether requeue is allowed
	 * @return the new options
	 */
	public NotificationListenerOptions withAllowRequeue(boolean allowRequeue) {
		return new NotificationListenerOptions(this.pool, allowRequeue, this.requeueMalformed, this.batchSize,
				this.batchTimeout, this.executorThreads, this.shutdownTimeout, this.serializer, this.codec,
				this.observations, this.executor, this.taskDecorator);
	}

	/**
	 * Returns these options with malformed messages requeued or not.
	 * @param requeueMalformed whether to requeue malformed messages
	 * @return the new options
	 */
	public NotificationListenerOptions withRequeueMalformed(boolean requeueMalformed) {
		return new NotificationListenerOptions(this.pool, this.allowRequeue, requeueMalformed, this.batchSize,
				this.batchTimeout, this.executorThreads, this.shutdownTimeout, this.serializer, this.codec,
				this.observations, this.executor, this.taskDecorator);
	}

	/**
	 * Returns these options with batching.
	 * @param batchSize messages per batch
	 * @param batchTimeout how long a partial batch waits, or {@code null}
	 * @return the new options
	 */
	public NotificationListenerOptions withBatch(int batchSize, @Nullable Duration batchTimeout) {
		return new NotificationListenerOptions(this.pool, this.allowRequeue, this.requeueMalformed, batchSize,
				batchTimeout, this.executorThreads, this.shutdownTimeout, this.serializer, this.codec,
				this.observations, this.executor, this.taskDecorator);
	}

	/**
	 * Returns these options with endpoints called on an executor.
	 * @param executorThreads the number of threads; {@code 0} for the consumer thread
	 * @return the new options
	 */
	public NotificationListenerOptions withExecutorThreads(int executorThreads) {
		return new NotificationListenerOptions(this.pool, this.allowRequeue, this.requeueMalformed, this.batchSize,
				this.batchTimeout, executorThreads, this.shutdownTimeout, this.serializer, this.codec,
				this.observations, this.executor, this.taskDecorator);
	}

	/**
	 * Returns these options with another shutdown timeout.
	 * @param shutdownTimeout how long notifications being handled may finish on close
	 * @return the new options
	 */
	public NotificationListenerOptions withShutdownTimeout(Duration shutdownTimeout) {
		return new NotificationListenerOptions(this.pool, this.allowRequeue, this.requeueMalformed, this.batchSize,
				this.batchTimeout, this.executorThreads, shutdownTimeout, this.serializer, this.codec,
				this.observations, this.executor, this.taskDecorator);
	}

	/**
	 * Returns these options with another serializer (for the received context).
	 * @param serializer the serializer
	 * @return the new options
	 */
	public NotificationListenerOptions withSerializer(Serializer serializer) {
		return new NotificationListenerOptions(this.pool, this.allowRequeue, this.requeueMalformed, this.batchSize,
				this.batchTimeout, this.executorThreads, this.shutdownTimeout, serializer, this.codec,
				this.observations, this.executor, this.taskDecorator);
	}

	/**
	 * Returns these options with observations of received notifications.
	 * @param observations the registry
	 * @return the new options
	 */
	public NotificationListenerOptions withObservations(ObservationRegistry observations) {
		return new NotificationListenerOptions(this.pool, this.allowRequeue, this.requeueMalformed, this.batchSize,
				this.batchTimeout, this.executorThreads, this.shutdownTimeout, this.serializer, this.codec,
				observations, this.executor, this.taskDecorator);
	}

	/**
	 * Returns these options with endpoints called on an executor of the application's.
	 * @param executor the executor (for instance virtual threads), or {@code null} for
	 * the listener's own threads
	 * @return the new options
	 */
	public NotificationListenerOptions withExecutor(@Nullable Executor executor) {
		return new NotificationListenerOptions(this.pool, this.allowRequeue, this.requeueMalformed, this.batchSize,
				this.batchTimeout, this.executorThreads, this.shutdownTimeout, this.serializer, this.codec,
				this.observations, executor, this.taskDecorator);
	}

	/**
	 * Returns these options with the notifications handed to the listener's own threads
	 * decorated.
	 * @param taskDecorator the decorator, or {@code null} for none
	 * @return the new options
	 */
	public NotificationListenerOptions withTaskDecorator(@Nullable UnaryOperator<Runnable> taskDecorator) {
		return new NotificationListenerOptions(this.pool, this.allowRequeue, this.requeueMalformed, this.batchSize,
				this.batchTimeout, this.executorThreads, this.shutdownTimeout, this.serializer, this.codec,
				this.observations, this.executor, taskDecorator);
	}

}
