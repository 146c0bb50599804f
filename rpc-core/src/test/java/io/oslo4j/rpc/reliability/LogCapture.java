package io.oslo4j.rpc.reliability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Captures the warnings and errors logged while a fault test runs, to count them and the
 * stack traces among them.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	/**
	 * Starts capturing.
	 * @return the running capture
	 */
	static LogCapture begin() {
		LogCapture capture = new LogCapture();
		capture.setName("fault-test-capture");
		capture.start();
		capture.root.addAppender(capture);
		return capture;
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
			this.events.add(event);
		}
	}

	/** Returns the number of warnings and errors, and of stack traces among them. */
	String summary() {
		Map<String, Integer> counts = new TreeMap<>();
		for (ILoggingEvent event : this.events) {
			counts.merge(event.getLevel().toString(), 1, Integer::sum);
			if (event.getThrowableProxy() != null) {
				counts.merge("with stack trace", 1, Integer::sum);
			}
		}
		return counts.toString();
	}

	/** Returns how many events of a level were logged. */
	long count(Level level) {
		return this.events.stream().filter((event) -> event.getLevel().equals(level)).count();
	}

	/** Returns how many warnings and errors a logger wrote. */
	long countFrom(String loggerName) {
		return this.events.stream().filter((event) -> event.getLoggerName().equals(loggerName)).count();
	}

	/** Returns how many events carried a stack trace. */
	long stackTraces() {
		return this.events.stream().filter((event) -> event.getThrowableProxy() != null).count();
	}

	@Override
	public void close() {
		this.root.detachAppender(this);
		stop();
	}

}
