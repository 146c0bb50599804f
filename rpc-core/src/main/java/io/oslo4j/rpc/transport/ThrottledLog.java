package io.oslo4j.rpc.transport;

import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Logs at most a few warnings per second and says how many were suppressed, so a flood of
 * bad messages cannot flood the log: transports and servers log each message they refuse
 * through one, one line per message, without a stack trace. Arguments other than numbers
 * are written abbreviated to {@value #MAX_ARGUMENT_LENGTH} characters, with control
 * characters escaped, since they come from the messages: a 20 MB method name or a line
 * break in an id cannot bloat or forge log lines. Thread-safe.
 */
public final class ThrottledLog {

	/** The longest argument written, in characters. */
	public static final int MAX_ARGUMENT_LENGTH = 200;

	private static final long WINDOW_NANOS = 1_000_000_000L;

	private final Logger logger;

	private final int perWindow;

	private final AtomicLong windowStart = new AtomicLong(System.nanoTime());

	private final AtomicLong inWindow = new AtomicLong();

	private final AtomicLong suppressed = new AtomicLong();

	/**
	 * Makes a throttled log.
	 * @param logger where the lines go
	 * @param perWindow how many lines per second are written; the rest are counted
	 */
	public ThrottledLog(Logger logger, int perWindow) {
		this.logger = logger;
		this.perWindow = perWindow;
	}

	/**
	 * Logs a warning unless this second's quota is used up; then it is counted, and the
	 * count is logged with the first warning of a later second.
	 * @param format the SLF4J format
	 * @param args its arguments: pass an exception's message, not the exception, so that
	 * no stack trace is printed
	 */
	public void warn(String format, @Nullable Object... args) {
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
			this.logger.warn(format, sanitize(args));
		}
		else {
			this.suppressed.incrementAndGet();
		}
	}

	private static @Nullable Object[] sanitize(@Nullable Object[] args) {
		@Nullable Object[] safe = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			Object arg = args[i];
			safe[i] = (arg == null || arg instanceof Number || arg instanceof Boolean) ? arg : sanitize(arg.toString());
		}
		return safe;
	}

	private static String sanitize(String text) {
		int length = Math.min(text.length(), MAX_ARGUMENT_LENGTH);
		StringBuilder out = new StringBuilder(length + 32);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		if (text.length() > length) {
			out.append("...(").append(text.length()).append(" characters)");
		}
		return out.toString();
	}

}
