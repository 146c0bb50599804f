package io.oslo4j.rpc.security;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event that reaches the root logger (through logback), optionally
 * lowering the levels first, and restores everything on {@link #close()}. Shared with the
 * starter's tests through the test jar.
 */
public final class LogCapture implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger root;

	private final List<Logger> changed = new ArrayList<>();

	private final List<@Nullable Level> previous = new ArrayList<>();

	private LogCapture(@Nullable Level level) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		if (level != null) {
			for (Logger logger : context.getLoggerList()) {
				if (logger.getLevel() != null) {
					this.changed.add(logger);
					this.previous.add(logger.getLevel());
					logger.setLevel(level);
				}
			}
		}
		this.appender.setContext(context);
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	/**
	 * Captures what the configured levels let through (what an operator would see).
	 * @return the capture
	 */
	public static LogCapture asConfigured() {
		return new LogCapture(null);
	}

	/**
	 * Captures everything down to a level, for every logger.
	 * @param level the level, e.g. DEBUG
	 * @return the capture
	 */
	public static LogCapture atLevel(Level level) {
		return new LogCapture(level);
	}

	/**
	 * Returns the events captured so far.
	 * @return a copy of the events
	 */
	public List<ILoggingEvent> events() {
		synchronized (this.appender) {
			return new ArrayList<>(this.appender.list);
		}
	}

	/** Forgets the events captured so far. */
	public void clear() {
		synchronized (this.appender) {
			this.appender.list.clear();
		}
	}

	/**
	 * Returns the events that carry an exception (printed with a stack trace).
	 * @return those events
	 */
	public List<ILoggingEvent> withStackTraces() {
		return events().stream().filter((event) -> event.getThrowableProxy() != null).toList();
	}

	/**
	 * Returns everything an appender would print: each event's logger, formatted message
	 * and stack trace (with causes and suppressed exceptions).
	 * @return the text
	 */
	public String text() {
		StringBuilder out = new StringBuilder();
		for (ILoggingEvent event : events()) {
			out.append(event.getLevel())
				.append(' ')
				.append(event.getThreadName())
				.append(' ')
				.append(event.getLoggerName())
				.append(" - ")
				.append(event.getFormattedMessage())
				.append(' ')
				.append(event.getMDCPropertyMap())
				.append('\n');
			IThrowableProxy throwable = event.getThrowableProxy();
			if (throwable != null) {
				out.append(ThrowableProxyUtil.asString(throwable)).append('\n');
			}
		}
		return out.toString();
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
		for (int i = 0; i < this.changed.size(); i++) {
			this.changed.get(i).setLevel(this.previous.get(i));
		}
	}

}
