package io.oslo4j.rpc.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

import io.oslo4j.rpc.wire.FailureRecord;
import io.oslo4j.rpc.wire.ReplyMessage;
import org.jspecify.annotations.Nullable;

/**
 * A call waiting for its reply, with oslo's reply rules: a non-final reply with a result
 * or failure is remembered (legacy two-message replies), a non-final reply without either
 * is a heartbeat, the final reply ({@code ending: true}) completes the call with the
 * remembered or final value.
 */
final class PendingCall {

	final String msgId;

	final String replyQueue;

	final CompletableFuture<@Nullable Object> future = new CompletableFuture<>();

	private final Function<FailureRecord, RuntimeException> exceptions;

	final long callMonitorNanos;

	final long deadlineNanos;

	volatile @Nullable ScheduledFuture<?> timer;

	private @Nullable Object result;

	private @Nullable FailureRecord failure;

	PendingCall(String msgId, String replyQueue, long deadlineNanos, long callMonitorNanos,
			Function<FailureRecord, RuntimeException> exceptions) {
		this.msgId = msgId;
		this.replyQueue = replyQueue;
		this.deadlineNanos = deadlineNanos;
		this.callMonitorNanos = callMonitorNanos;
		this.exceptions = exceptions;
	}

	/**
	 * Takes a reply.
	 * @return {@code true} when the call is now complete
	 */
	synchronized boolean onReply(ReplyMessage reply) {
		if (reply.failure() != null) {
			this.failure = reply.failure();
		}
		else if (reply.result() != null) {
			this.result = reply.result();
		}
		if (!reply.ending()) {
			return false;
		}
		if (this.failure != null) {
			this.future.completeExceptionally(this.exceptions.apply(this.failure));
		}
		else {
			this.future.complete(this.result);
		}
		return true;
	}

	/**
	 * Returns when the call monitor expires next, measured from now.
	 */
	long nextTimeoutNanos(long now) {
		long overall = this.deadlineNanos - now;
		return (this.callMonitorNanos > 0) ? Math.min(overall, this.callMonitorNanos) : overall;
	}

}
