package io.oslo4j.rpc.server;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs at most a few warnings per second and says how many were suppressed, so a flood of
 * bad messages cannot flood the log.
 */
final class ThrottledLog {

	private static final long WINDOW_NANOS = 1_000_000_000L;

	private final Logger logger;

	private final int perWindow;

	private final AtomicLong windowStart = new AtomicLong(System.nanoTime());

	private final AtomicLong inWindow = new AtomicLong();

	private final AtomicLong suppressed = new AtomicLong();

	ThrottledLog(Logger logger, int perWindow) {
		this.logger = logger;
		this.perWindow = perWindow;
	}

	void warn(String format, Object... args) {
		long now = System.nanoTime();
		long start = this.windowStart.get();
		if (now - start > WINDOW_NANOS && this.windowStart.compareAndSet(start, now)) {
			this.inWindow.set(0);
			long dropped = this.suppressed.getAndSet(0);
			if (dropped > 0) {
				this.logger.warn("{} similar messages were suppressed in the last second", dropped);
			}
		}
		if (this.inWindow.incrementAndGet() <= this.perWindow) {
			this.logger.warn(format, args);
		}
		else {
			this.suppressed.incrementAndGet();
		}
	}

}
