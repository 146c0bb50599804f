package io.oslo4j.rpc.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.oslo4j.rpc.MalformedMessageException;
import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.RpcException;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.FailureRecord;
import io.oslo4j.rpc.wire.ReplyMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes replies arriving on the transport's reply queue to waiting calls by
 * {@code _msg_id} (oslo's {@code ReplyWaiter}), one per transport. Replies are handled on
 * the transport's consumer thread, without a hop. A reply for a call that already timed
 * out, or for an unknown id, is dropped and counted, never given to another call.
 * <p>
 * Timeouts run on one timer thread: overall timeouts are found by a sweep of the pending
 * calls every {@value #SWEEP_MILLIS} ms (a call fails at most that long after its
 * timeout), so that a call costs no timer task; a call with a call monitor gets its own
 * timer task, rescheduled by every heartbeat.
 * <p>
 * When the transport loses the reply queue with what was on its way to it (RabbitMQ's
 * direct reply-to), the calls waiting on that queue fail at once with a
 * {@link RpcDeliveryException} rather than at their timeout, and the next call asks the
 * transport for the new name.
 */
public final class ReplyWaiter implements DeliveryHandler, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ReplyWaiter.class);

	/** How often overall timeouts are looked for. */
	static final long SWEEP_MILLIS = 100;

	private final Transport transport;

	private final WireCodec codec = WireCodec.defaultCodec();

	private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();

	private final ScheduledThreadPoolExecutor timer;

	private final AtomicLong lateReplies = new AtomicLong();

	private static final java.lang.invoke.VarHandle REPLY_QUEUE;

	static {
		try {
			REPLY_QUEUE = java.lang.invoke.MethodHandles.lookup()
				.findVarHandle(ReplyWaiter.class, "replyQueue", String.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private volatile @Nullable String replyQueue;

	private volatile boolean closed;

	ReplyWaiter(Transport transport) {
		this.transport = transport;
		this.timer = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "oslo4j-reply-timer");
			thread.setDaemon(true);
			return thread;
		});
		this.timer.setRemoveOnCancelPolicy(true);
		this.timer.scheduleWithFixedDelay(this::expireLate, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
	}

	/**
	 * Returns the waiter of a transport, creating it on first use.
	 * @param transport the transport
	 * @return its reply waiter
	 */
	public static ReplyWaiter of(Transport transport) {
		return transport.component(ReplyWaiter.class, ReplyWaiter::new);
	}

	/**
	 * Returns the reply queue, declared and consumed on first use (and again after it was
	 * lost).
	 * @return the reply queue name
	 */
	String replyQueue() {
		String queue = this.replyQueue;
		if (queue == null) {
			synchronized (this) {
				queue = this.replyQueue;
				if (queue == null) {
					queue = this.transport.replyQueue(this);
					this.replyQueue = queue;
				}
			}
		}
		return queue;
	}

	/**
	 * Registers a call before its request is sent.
	 * @throws RpcDeliveryException when its reply queue was lost already
	 */
	PendingCall register(String msgId, String replyQueue, long timeoutNanos, long callMonitorNanos,
			Function<FailureRecord, RuntimeException> exceptions) {
		if (this.closed) {
			throw new RpcException("Transport " + this.transport.url() + " is closed");
		}
		long now = System.nanoTime();
		PendingCall call = new PendingCall(msgId, replyQueue, now + timeoutNanos, callMonitorNanos, exceptions);
		this.pending.put(msgId, call);
		// after the put: either onQueueLost sees this call, or this sees the queue lost
		if (!replyQueue.equals(this.replyQueue) && this.pending.remove(msgId, call)) {
			throw lost(msgId, replyQueue, null);
		}
		if (callMonitorNanos > 0) {
			schedule(call, now);
		}
		return call;
	}

	/**
	 * Forgets a call whose request could not be sent.
	 */
	void cancel(PendingCall call) {
		this.pending.remove(call.msgId, call);
		ScheduledFuture<?> task = call.timer;
		if (task != null) {
			task.cancel(false);
		}
	}

	/**
	 * Returns how many replies arrived for calls no longer waiting. A reply the broker
	 * delivers again (its ack was pending when the connection was lost, see the
	 * transport) was counted or handled on its first delivery and is not counted again.
	 * @return the count of late or unknown replies
	 */
	public long lateReplies() {
		return this.lateReplies.get();
	}

	/**
	 * Returns how many calls are waiting for a reply.
	 * @return the number of pending calls
	 */
	public int pendingCalls() {
		return this.pending.size();
	}

	@Override
	public void onMessage(IncomingMessage message) {
		ReplyMessage reply;
		try {
			reply = this.codec.decodeReply(message.body());
		}
		catch (MalformedMessageException ex) {
			logger.warn("Dropping malformed reply on {}: {}", message.queue(), ex.getMessage());
			return;
		}
		String msgId = reply.msgId();
		PendingCall call = (msgId != null) ? this.pending.get(msgId) : null;
		if (call == null) {
			if (message.redelivered()) {
				logger.debug("Dropping a redelivered reply for msg_id {}: its call no longer waits", msgId);
			}
			else {
				this.lateReplies.incrementAndGet();
				logger.debug("No calling threads waiting for msg_id {}", msgId);
			}
			return;
		}
		if (call.onReply(reply)) {
			cancel(call);
		}
		else if (reply.isHeartbeat() && call.callMonitorNanos > 0) {
			ScheduledFuture<?> task = call.timer;
			if (task != null) {
				task.cancel(false);
			}
			schedule(call, System.nanoTime());
		}
	}

	/**
	 * Fails the calls waiting on a lost reply queue; the next call gets a new one.
	 */
	@Override
	public void onQueueLost(String queue, RpcDeliveryException cause) {
		// not under this waiter's lock: a caller may hold it while the transport
		// reconnects
		String current = this.replyQueue;
		if (queue.equals(current)) {
			REPLY_QUEUE.compareAndSet(this, current, null);
		}
		for (PendingCall call : this.pending.values()) {
			if (call.replyQueue.equals(queue) && this.pending.remove(call.msgId, call)) {
				ScheduledFuture<?> task = call.timer;
				if (task != null) {
					task.cancel(false);
				}
				call.future.completeExceptionally(lost(call.msgId, queue, cause));
			}
		}
	}

	private static RpcDeliveryException lost(String msgId, String queue, @Nullable RpcDeliveryException cause) {
		return new RpcDeliveryException("The reply to message ID " + msgId + " was lost: its reply queue " + queue
				+ " is gone" + ((cause != null) ? " (" + cause.getMessage() + ")" : "")
				+ "; the call may or may not have run on the server", cause);
	}

	private void schedule(PendingCall call, long now) {
		try {
			call.timer = this.timer.schedule(() -> expire(call), call.nextTimeoutNanos(now), TimeUnit.NANOSECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			expire(call);
		}
	}

	private void expireLate() {
		long now = System.nanoTime();
		for (PendingCall call : this.pending.values()) {
			if (call.deadlineNanos - now <= 0) {
				expire(call);
			}
		}
	}

	private void expire(PendingCall call) {
		if (this.pending.remove(call.msgId, call)) {
			call.future.completeExceptionally(new RpcTimeoutException(call.msgId));
			this.transport.checkReplyQueue(call.replyQueue);
		}
	}

	/**
	 * Fails every pending call and stops the timer.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.timer.shutdownNow();
		for (PendingCall call : this.pending.values()) {
			if (this.pending.remove(call.msgId, call)) {
				call.future.completeExceptionally(new RpcException(
						"Transport " + this.transport.url() + " was closed while waiting for a reply"));
			}
		}
	}

}
