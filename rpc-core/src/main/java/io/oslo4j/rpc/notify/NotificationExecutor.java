package io.oslo4j.rpc.notify;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.transport.DeliveryHandler;

/**
 * The threads calling a listener's endpoints when
 * {@link NotificationListenerOptions#executorThreads()} is set (oslo's threading
 * executor). Nothing is queued in memory: when every thread is busy, the consumer thread
 * handles the message itself, which holds back the next delivery. A message arriving once
 * the executor is shut down goes back to its queue.
 */
final class NotificationExecutor {

	private final ThreadPoolExecutor pool;

	NotificationExecutor(int threads, String name) {
		AtomicInteger counter = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(runnable) -> {
					Thread thread = new Thread(runnable, "oslo4j-notify-" + name + "-" + counter.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, NotificationExecutor::rejected);
		this.pool.allowCoreThreadTimeOut(true);
	}

	void execute(IncomingMessage message, DeliveryHandler handler) {
		this.pool.execute(new Task(message, handler));
	}

	private static void rejected(Runnable runnable, ThreadPoolExecutor executor) {
		Task task = (Task) runnable;
		if (executor.isShutdown()) {
			task.message.reject(true);
		}
		else {
			task.run();
		}
	}

	/**
	 * Takes no more messages and waits for those being handled.
	 * @param timeout how long to wait
	 * @return whether every message was handled in time
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean shutdownAndAwait(Duration timeout) throws InterruptedException {
		this.pool.shutdown();
		return this.pool.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** Interrupts the handlers still running. */
	void shutdownNow() {
		this.pool.shutdownNow();
	}

	private record Task(IncomingMessage message, DeliveryHandler handler) implements Runnable {

		@Override
		public void run() {
			this.handler.onMessage(this.message);
		}

	}

}
