package io.oslo4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Python ends of the notification benchmark: {@code bench_notify.py} as an
 * oslo.messaging {@code Notifier} or notification listener, driven through its standard
 * input and output.
 */
final class PythonNotificationSides {

	private static final Pattern SECONDS = Pattern.compile("\"seconds\":\\s*([0-9.eE+-]+)");

	private PythonNotificationSides() {
	}

	/** A Python {@code Notifier}: sends on {@code warm} and {@code go} lines. */
	static final class Sender extends ScriptSide implements NotificationSide.Sender {

		Sender(Python python, String url, String topic, int count, long deadlineNanos) throws IOException {
			super(new Script(python,
					List.of("--mode", "send", "--url", url, "--topic", topic, "--count", Integer.toString(count))),
					deadlineNanos);
		}

		@Override
		public void warm() throws IOException {
			this.script.write("warm");
		}

		@Override
		public double sendAll(int count) throws IOException {
			this.script.write("go");
			return this.script.awaitSeconds(System.nanoTime() + TimeUnit.MINUTES.toNanos(10));
		}

	}

	/** A Python notification listener in a pool: tells when it is warm and done. */
	static final class Receiver extends ScriptSide implements NotificationSide.Receiver {

		Receiver(Python python, String url, String topic, String pool, int count, long deadlineNanos)
				throws IOException {
			super(new Script(python, List.of("--mode", "listen", "--url", url, "--topic", topic, "--pool", pool,
					"--count", Integer.toString(count))), deadlineNanos);
		}

		@Override
		public boolean warmed() {
			return this.script.seen("WARM");
		}

		@Override
		public void awaitAll(int count, long deadlineNanos) {
			this.script.awaitSeconds(deadlineNanos);
		}

	}

	/** A side played by a script, started once it printed READY. */
	private abstract static class ScriptSide implements NotificationSide {

		final Script script;

		ScriptSide(Script script, long deadlineNanos) {
			this.script = script;
			try {
				script.awaitLine("READY", deadlineNanos);
			}
			catch (RuntimeException ex) {
				script.close();
				throw ex;
			}
		}

		@Override
		public String who() {
			return "Python " + this.script.python.name();
		}

		@Override
		public void close() {
			this.script.close();
		}

	}

	/** The running script: its output lines, read by a thread of their own. */
	private static final class Script {

		private final Python python;

		private final Process process;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final List<String> consumed = new ArrayList<>();

		Script(Python python, List<String> arguments) throws IOException {
			this.python = python;
			this.process = python.start("bench_notify.py", arguments);
			Thread reader = new Thread(this::read, "bench-notify-stdout");
			reader.setDaemon(true);
			reader.start();
		}

		private void read() {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = out.readLine()) != null) {
					this.lines.add(line.trim());
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		}

		void write(String command) throws IOException {
			OutputStream in = this.process.getOutputStream();
			in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
			in.flush();
		}

		boolean seen(String expected) {
			String line;
			while ((line = this.lines.poll()) != null) {
				this.consumed.add(line);
			}
			return this.consumed.contains(expected);
		}

		void awaitLine(String expected, long deadlineNanos) {
			next(deadlineNanos, (line) -> line.equals(expected) ? line : null, expected);
		}

		double awaitSeconds(long deadlineNanos) {
			return Double.parseDouble(next(deadlineNanos, (line) -> {
				Matcher matcher = SECONDS.matcher(line);
				return matcher.find() ? matcher.group(1) : null;
			}, "its {\"seconds\": …} line"));
		}

		private String next(long deadlineNanos, LineMatch match, String what) {
			for (String line : this.consumed) {
				String found = match.apply(line);
				if (found != null) {
					return found;
				}
			}
			try {
				while (true) {
					long left = deadlineNanos - System.nanoTime();
					String line = (left > 0) ? this.lines.poll(left, TimeUnit.NANOSECONDS) : null;
					if (line == null) {
						throw new IllegalStateException("bench_notify.py (" + this.python.name() + ") did not print "
								+ what + " in time"
								+ (this.process.isAlive() ? "" : " (it exited with " + this.process.exitValue() + ")"));
					}
					this.consumed.add(line);
					String found = match.apply(line);
					if (found != null) {
						return found;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}

		void close() {
			Python.stop(List.of(this.process));
		}

		@FunctionalInterface
		private interface LineMatch {

			@Nullable String apply(String line);

		}

	}

}
