package io.oslo4j.rpc.notify;

import java.time.Duration;

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
 * @param serializer turns the received context into an {@code RpcContext}
 * @param codec decodes messages
 */
public record NotificationListenerOptions(@Nullable String pool, boolean allowRequeue, boolean requeueMalformed,
		int batchSize, @Nullable Duration batchTimeout, Serializer serializer, NotificationCodec codec) {

	/** Validates. */
	public NotificationListenerOptions {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
		}
		if (batchTimeout != null && (batchTimeout.isNegative() || batchTimeout.isZero())) {
			throw new IllegalArgumentException("batchTimeout must be positive: " + batchTimeout);
		}
	}

	/**
	 * Returns the defaults: no pool, no requeue, no batching.
	 * @return the defaults
	 */
	public static NotificationListenerOptions defaults() {
		return new NotificationListenerOptions(null, false, false, 1, null, JacksonSerializer.defaultSerializer(),
				NotificationCodec.defaultCodec());
	}

	/**
	 * Returns these options with a pool.
	 * @param pool the pool or {@code null}
	 * @return the new options
	 */
	public NotificationListenerOptions withPool(@Nullable String pool) {
		return new NotificationListenerOptions(pool, this.allowRequeue, this.requeueMalformed, this.batchSize,
				this.batchTimeout, this.serializer, this.codec);
	}

	/**
	 * Returns these options with {@code allow_requeue} set.
	 * @param allowRequeue whether requeue is allowed
	 * @return the new options
	 */
	public NotificationListenerOptions withAllowRequeue(boolean allowRequeue) {
		return new NotificationListenerOptions(this.pool, allowRequeue, this.requeueMalformed, this.batchSize,
				this.batchTimeout, this.serializer, this.codec);
	}

	/**
	 * Returns these options with malformed messages requeued or not.
	 * @param requeueMalformed whether to requeue malformed messages
	 * @return the new options
	 */
	public NotificationListenerOptions withRequeueMalformed(boolean requeueMalformed) {
		return new NotificationListenerOptions(this.pool, this.allowRequeue, requeueMalformed, this.batchSize,
				this.batchTimeout, this.serializer, this.codec);
	}

	/**
	 * Returns these options with batching.
	 * @param batchSize messages per batch
	 * @param batchTimeout how long a partial batch waits, or {@code null}
	 * @return the new options
	 */
	public NotificationListenerOptions withBatch(int batchSize, @Nullable Duration batchTimeout) {
		return new NotificationListenerOptions(this.pool, this.allowRequeue, this.requeueMalformed, batchSize,
				batchTimeout, this.serializer, this.codec);
	}

}
