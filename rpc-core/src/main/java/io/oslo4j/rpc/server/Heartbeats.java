package io.oslo4j.rpc.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.transport.ThrottledLog;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.ReplyMessage;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call-monitor heartbeats (oslo's dispatcher {@code _watchdog}): while a call whose
 * request has a numeric {@code _timeout} runs, send {@code {result: null, failure: null,
 * ending: false}} every {@code int(_timeout) / 2} seconds. No heartbeats when the
 * interval is below one second, or {@code _timeout} is absent or not a number.
 */
final class Heartbeats implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Heartbeats.class);

	private final Transport transport;

	private final WireCodec codec;

	private final ScheduledExecutorService scheduler;

	private final ExecutorService senders;

	private final ThrottledLog invalidTimeouts = new ThrottledLog(logger, 5);

	Heartbeats(Transport transport, WireCodec codec, String name) {
		this.transport = transport;
		this.codec = codec;
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "oslo4j-heartbeat-" + name);
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		this.scheduler = executor;
		AtomicInteger count = new AtomicInteger();
		this.senders = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "oslo4j-heartbeat-" + name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Starts heartbeats for a call, when its {@code _timeout} asks for them.
	 * @param request the call
	 * @return the running heartbeat, to cancel before the final reply, or {@code null}
	 */
	@Nullable ScheduledFuture<?> start(RequestMessage request) {
		Object timeout = request.timeout();
		if (timeout == null || request.msgId() == null || request.replyQueue() == null) {
			return null;
		}
		long intervalMillis = intervalMillis(timeout);
		if (intervalMillis < 1000) {
			this.invalidTimeouts.warn("Client provided an invalid timeout value of {}", timeout);
			return null;
		}
		String replyQueue = request.replyQueue();
		byte[] body = this.codec.encodeReply(ReplyMessage.heartbeat(request.msgId()));
		AtomicBoolean sending = new AtomicBoolean();
		return this.scheduler.scheduleAtFixedRate(() -> send(replyQueue, body, sending), intervalMillis, intervalMillis,
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Sends one heartbeat off the timer thread, so that a reply queue the broker returns
	 * (its retry can last a minute) never delays the heartbeats of other calls; a call
	 * whose previous heartbeat is still being sent skips this one.
	 */
	private void send(String replyQueue, byte[] body, AtomicBoolean sending) {
		if (!sending.compareAndSet(false, true)) {
			return;
		}
		try {
			this.senders.execute(() -> {
				try {
					this.transport.reply(replyQueue, body);
				}
				catch (RuntimeException ex) {
					logger.debug("Heartbeat to {} failed", replyQueue, ex);
				}
				finally {
					sending.set(false);
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			sending.set(false);
		}
	}

	private static long intervalMillis(Object timeout) {
		long seconds;
		if (timeout instanceof Number number && !(timeout instanceof Double d && (d.isNaN() || d.isInfinite()))) {
			seconds = number.longValue();
		}
		else if (timeout instanceof String text) {
			try {
				seconds = Long.parseLong(text.strip());
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}
		else {
			return -1;
		}
		return seconds * 1000 / 2;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.senders.shutdownNow();
	}

}
