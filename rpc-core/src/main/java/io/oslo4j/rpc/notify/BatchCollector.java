package io.oslo4j.rpc.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Collects notifications into batches (oslo's {@code batch_poll_helper}): a batch is
 * handed on when it holds {@code size} messages, or {@code timeout} after its first
 * message arrived. Full batches are handed on by the thread that filled them, timed-out
 * ones by the collector's timer thread.
 */
final class BatchCollector implements AutoCloseable {

	private final int size;

	private final @Nullable Duration timeout;

	private final Consumer<List<PendingNotification>> sink;

	private final @Nullable ScheduledExecutorService timer;

	private List<PendingNotification> current = new ArrayList<>();

	private @Nullable ScheduledFuture<?> deadline;

	private long generation;

	private boolean closed;

	BatchCollector(int size, @Nullable Duration timeout, Consumer<List<PendingNotification>> sink) {
		this.size = size;
		this.timeout = timeout;
		this.sink = sink;
		this.timer = (timeout != null) ? Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "oslo4j-notification-batch");
			thread.setDaemon(true);
			return thread;
		}) : null;
	}

	/**
	 * Adds a notification; hands the batch on when it is full.
	 * @param pending the notification
	 * @return {@code false} when the collector is closed (the caller settles the message)
	 */
	boolean add(PendingNotification pending) {
		List<PendingNotification> ready = null;
		synchronized (this) {
			if (this.closed) {
				return false;
			}
			this.current.add(pending);
			if (this.current.size() >= this.size) {
				ready = take();
			}
			else if (this.current.size() == 1 && this.timer != null && this.timeout != null) {
				long expected = this.generation;
				this.deadline = this.timer.schedule(() -> expire(expected), this.timeout.toNanos(),
						TimeUnit.NANOSECONDS);
			}
		}
		if (ready != null) {
			this.sink.accept(ready);
		}
		return true;
	}

	private void expire(long expected) {
		List<PendingNotification> ready = null;
		synchronized (this) {
			if (expected == this.generation && !this.current.isEmpty()) {
				ready = take();
			}
		}
		if (ready != null) {
			this.sink.accept(ready);
		}
	}

	private List<PendingNotification> take() {
		List<PendingNotification> batch = this.current;
		this.current = new ArrayList<>();
		this.generation++;
		ScheduledFuture<?> pendingDeadline = this.deadline;
		if (pendingDeadline != null) {
			pendingDeadline.cancel(false);
			this.deadline = null;
		}
		return batch;
	}

	/**
	 * Hands on what is collected, then refuses new notifications and stops the timer.
	 */
	@Override
	public void close() {
		List<PendingNotification> rest;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			rest = take();
		}
		if (!rest.isEmpty()) {
			this.sink.accept(rest);
		}
		if (this.timer != null) {
			this.timer.shutdownNow();
		}
	}

}
