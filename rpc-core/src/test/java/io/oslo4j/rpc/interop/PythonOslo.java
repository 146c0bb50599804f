package io.oslo4j.rpc.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the real Python oslo.messaging as subprocesses, for interop tests: an RPC server
 * ({@code /interop/oslo_server.py}), a scripted RPC client
 * ({@code /interop/oslo_client.py}), a raw AMQP capture
 * ({@code /interop/oslo_raw_capture.py}) and a notifier and notification listener.
 * <p>
 * Each method runs Debian 12's oslo.messaging 14.0.3 ({@link OsloPeer#OSLO_14}); the
 * overloads taking an {@link OsloPeer} run the chosen stack's (16.1.0 or 18.1.0 in the
 * Debian 13 root). The 14.0.3 interpreter is {@code /usr/bin/python3}, or the one named
 * by the environment variable {@value #PYTHON_VARIABLE}. When a peer's interpreter cannot
 * import its {@code oslo_messaging}, tests fail under {@code CI=true} and are skipped
 * elsewhere.
 * <p>
 * Every process is bounded in time and always stopped: by {@code close()}, by a JVM
 * shutdown hook, and (should the JVM die hard) by the scripts' stdin watchdog, which
 * makes them exit when their stdin pipe closes. Each process's stderr goes to a file
 * (under {@code target/python-interop} when run from a Maven module) whose tail is part
 * of every failure message.
 */
public final class PythonOslo {

	/** The environment variable that overrides the Python interpreter. */
	public static final String PYTHON_VARIABLE = "OSLO4J_TEST_PYTHON";

	/** The default Python interpreter (Debian's system interpreter). */
	public static final String DEFAULT_PYTHON = "/usr/bin/python3";

	/** How long a server or capture may take to print {@code READY}. */
	public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * How long {@code close()} waits after SIGTERM before killing. A server stops within
	 * about 1 s (its idle poll is capped by {@code --idle-poll-max 1}; stock oslo needs
	 * up to 5 s).
	 */
	public static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {
	};

	private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final Object LOCK = new Object();

	private static @Nullable Path logDir;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(PythonOslo::killAll, "python-oslo-reaper"));
	}

	private PythonOslo() {
	}

	/**
	 * Returns the Python interpreter of {@link OsloPeer#OSLO_14} after checking (once)
	 * that it imports {@code oslo_messaging}. Fails under {@code CI=true}, otherwise
	 * aborts the test.
	 * @return the interpreter path
	 * @see OsloPeer#require()
	 */
	public static String python() {
		return PeerRuntime.of(OsloPeer.OSLO_14).python();
	}

	/**
	 * Returns the directory holding copies of the interop scripts for
	 * {@link OsloPeer#OSLO_14} (copied once from the test classpath,
	 * {@code /interop/*.py}).
	 * @return the directory
	 */
	public static Path scriptDir() {
		return PeerRuntime.of(OsloPeer.OSLO_14).scriptDir();
	}

	/**
	 * Starts {@code oslo_server.py} and waits (up to {@link #READY_TIMEOUT}) until it has
	 * started. Options are extra command line arguments, e.g. {@code "--exchange", "x"},
	 * {@code "--version", "1.3"}, {@code "--namespace", "ns"}, {@code "--log-level",
	 * "DEBUG"}, {@code "--idle-poll-max", "5"} (stock oslo idle poll; stopping then takes
	 * up to 5 s).
	 * <p>
	 * Unlike a stock oslo server, it deletes its queues {@code <topic>.<server>} and
	 * (when no one else consumes it) {@code <topic>} after a clean stop
	 * ({@code --cleanup-queues}), so the test broker does not collect queues.
	 * @param url the oslo transport URL, e.g.
	 * {@code rabbit://guest:guest@127.0.0.1:5672/}
	 * @param topic the topic
	 * @param server the server name
	 * @param options extra command line arguments
	 * @return the running server; close it
	 */
	public static PythonServer startServer(String url, String topic, String server, String... options) {
		return startServer(OsloPeer.OSLO_14, url, topic, server, options);
	}

	/**
	 * Starts {@code oslo_server.py} with the given peer's oslo.messaging, as
	 * {@link #startServer(String, String, String, String...)} does.
	 * @param peer the oslo.messaging to run
	 * @param url the oslo transport URL, rabbit options of the mode in its query
	 * @param topic the topic
	 * @param server the server name
	 * @param options extra command line arguments
	 * @return the running server; close it
	 */
	public static PythonServer startServer(OsloPeer peer, String url, String topic, String server, String... options) {
		List<String> command = command(peer, "oslo_server.py", "--url", url, "--topic", topic, "--server", server,
				"--stdin-watchdog", "--cleanup-queues");
		command.addAll(Arrays.asList(options));
		PythonServer process = new PythonServer(topic, server);
		process.start(command, "server-" + server);
		return process;
	}

	/**
	 * Starts {@code oslo_raw_capture.py}: a queue bound to {@code exchange} whose
	 * messages are reported as JSON. Options are extra arguments, e.g.
	 * {@code "--routing-key", "topic"} (repeatable, default {@code #}),
	 * {@code "--exchange-type", "fanout"}, {@code "--passive"}.
	 * @param url the oslo transport URL
	 * @param exchange the exchange to bind to
	 * @param options extra command line arguments
	 * @return the running capture; close it
	 */
	public static RawCapture startCapture(String url, String exchange, String... options) {
		List<String> command = command(OsloPeer.OSLO_14, "oslo_raw_capture.py", "--url", url, "--exchange", exchange,
				"--stdin-watchdog");
		command.addAll(Arrays.asList(options));
		RawCapture process = new RawCapture();
		process.start(command, "capture-" + exchange);
		return process;
	}

	/**
	 * Runs {@code oslo_client.py} with the given steps and returns one parsed result line
	 * per step. Options are extra arguments, e.g. {@code "--exchange", "x"},
	 * {@code "--timeout", "5"} (the default call timeout, 10 s),
	 * {@code "--allowed-remote-exmods", "a.b,c"}, {@code "--version", "1.2"}.
	 * @param url the oslo transport URL
	 * @param topic the client's topic
	 * @param steps the steps (see {@link Step})
	 * @param timeout how long the whole run may take
	 * @param options extra command line arguments
	 * @return the result lines, in step order
	 */
	public static List<Map<String, Object>> runClient(String url, String topic, List<? extends Map<String, ?>> steps,
			Duration timeout, String... options) {
		return runClient(OsloPeer.OSLO_14, url, topic, steps, timeout, options);
	}

	/**
	 * Runs {@code oslo_client.py} with the given peer's oslo.messaging, as
	 * {@link #runClient(String, String, List, Duration, String...)} does.
	 * @param peer the oslo.messaging to run
	 * @param url the oslo transport URL, rabbit options of the mode in its query
	 * @param topic the client's topic
	 * @param steps the steps (see {@link Step})
	 * @param timeout how long the whole run may take
	 * @param options extra command line arguments
	 * @return the result lines, in step order
	 */
	public static List<Map<String, Object>> runClient(OsloPeer peer, String url, String topic,
			List<? extends Map<String, ?>> steps, Duration timeout, String... options) {
		String script = writeSteps(peer, "client", steps);
		List<String> command = command(peer, "oslo_client.py", "--url", url, "--topic", topic, "--script-file", script);
		command.addAll(Arrays.asList(options));
		PythonProcess process = new PythonProcess();
		process.launch(command, "client-" + topic);
		try {
			if (!process.waitFor(timeout)) {
				throw new AssertionError("oslo_client.py did not finish within " + timeout + process.describe());
			}
			if (process.exitValue() != 0) {
				throw new AssertionError("oslo_client.py exited with " + process.exitValue() + process.describe());
			}
			process.joinReader();
			List<Map<String, Object>> results = process.jsonLines();
			if (results.size() != steps.size()) {
				throw new AssertionError("oslo_client.py printed " + results.size() + " result lines for "
						+ steps.size() + " steps" + process.describe());
			}
			return results;
		}
		finally {
			process.close();
		}
	}

	/**
	 * Returns a new call step.
	 * @param method the method name
	 * @return the step
	 */
	public static Step call(String method) {
		return new Step("call").with("method", method);
	}

	/**
	 * Returns a new cast step.
	 * @param method the method name
	 * @return the step
	 */
	public static Step cast(String method) {
		return new Step("cast").with("method", method);
	}

	/**
	 * Returns a step that pauses the client.
	 * @param duration how long
	 * @return the step
	 */
	public static Step sleep(Duration duration) {
		return new Step("sleep").with("seconds", duration.toMillis() / 1000.0);
	}

	/**
	 * Returns a step that runs the given steps concurrently; its result is the list of
	 * their result lines.
	 * @param steps the steps
	 * @return the step
	 */
	public static Step parallel(List<? extends Map<String, ?>> steps) {
		return new Step("parallel").with("steps", new ArrayList<>(steps));
	}

	/**
	 * Returns the JSON mapper used for script and result lines.
	 * @return the mapper
	 */
	public static JsonMapper json() {
		return JSON;
	}

	private static List<String> command(OsloPeer peer, String script, String... args) {
		return PeerRuntime.of(peer).command(script, Arrays.asList(args));
	}

	// the steps as a JSON file in the log directory, staged where the peer can read it
	private static String writeSteps(OsloPeer peer, String name, List<? extends Map<String, ?>> steps) {
		PeerRuntime runtime = PeerRuntime.of(peer);
		runtime.python();
		Path script = logDir().resolve(name + "-" + COUNTER.incrementAndGet() + "-script.json");
		try {
			Files.writeString(script, JSON.writeValueAsString(steps));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return runtime.stage(script);
	}

	private static Path logDir() {
		synchronized (LOCK) {
			if (logDir == null) {
				try {
					Path target = Path.of("target");
					logDir = Files.isDirectory(target) ? Files.createDirectories(target.resolve("python-interop"))
							: Files.createTempDirectory("oslo4j-python-interop-");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return logDir;
		}
	}

	// the processes, then the script directories (at JVM exit)
	private static void killAll() {
		for (Process process : LIVE) {
			process.toHandle().destroy();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
		for (Process process : LIVE) {
			try {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
			}
		}
		PeerRuntime.deleteScriptDirs();
	}

	static String tail(String text, int max) {
		return (text.length() <= max) ? text : "..." + text.substring(text.length() - max);
	}

	/**
	 * A JSON client step: a mutable map with fluent setters. Keys: {@code op} (call,
	 * cast, sleep, parallel), {@code method}, {@code args}, {@code ctxt}, and the
	 * optional {@code prepare()} keys {@code server}, {@code fanout}, {@code version},
	 * {@code namespace}, {@code topic}, {@code exchange}, {@code timeout},
	 * {@code call_monitor_timeout}, {@code retry}, {@code version_cap}.
	 */
	public static final class Step extends LinkedHashMap<String, Object> {

		private static final long serialVersionUID = 1L;

		Step(String op) {
			put("op", op);
		}

		/**
		 * Sets any key.
		 * @param key the key
		 * @param value the value
		 * @return this step
		 */
		public Step with(String key, Object value) {
			put(key, value);
			return this;
		}

		/**
		 * Adds a method argument.
		 * @param name the argument name
		 * @param value its value
		 * @return this step
		 */
		public Step arg(String name, Object value) {
			nested("args").put(name, value);
			return this;
		}

		/**
		 * Adds method arguments.
		 * @param args the arguments
		 * @return this step
		 */
		public Step args(Map<String, ?> args) {
			nested("args").putAll(args);
			return this;
		}

		/**
		 * Adds a context entry.
		 * @param key the key (without the {@code _context_} prefix)
		 * @param value its value
		 * @return this step
		 */
		public Step ctxt(String key, Object value) {
			nested("ctxt").put(key, value);
			return this;
		}

		/**
		 * Adds context entries.
		 * @param ctxt the entries
		 * @return this step
		 */
		public Step ctxt(Map<String, ?> ctxt) {
			nested("ctxt").putAll(ctxt);
			return this;
		}

		public Step server(String server) {
			return with("server", server);
		}

		public Step fanout() {
			return with("fanout", true);
		}

		public Step version(String version) {
			return with("version", version);
		}

		public Step namespace(String namespace) {
			return with("namespace", namespace);
		}

		public Step topic(String topic) {
			return with("topic", topic);
		}

		public Step timeout(Duration timeout) {
			return with("timeout", timeout.toMillis() / 1000.0);
		}

		public Step callMonitorTimeout(Duration timeout) {
			return with("call_monitor_timeout", timeout.toMillis() / 1000.0);
		}

		@SuppressWarnings("unchecked")
		private Map<String, Object> nested(String key) {
			return (Map<String, Object>) computeIfAbsent(key, (k) -> new LinkedHashMap<String, Object>());
		}

	}

	/**
	 * A Python subprocess: stdout lines are collected, stderr goes to a file.
	 */
	public static class PythonProcess implements AutoCloseable {

		private final List<String> lines = new CopyOnWriteArrayList<>();

		private final Object monitor = new Object();

		private Process process;

		private Path stderr;

		private Thread reader;

		private String name;

		PythonProcess() {
		}

		void launch(List<String> command, String name) {
			this.name = name;
			this.stderr = logDir()
				.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + COUNTER.incrementAndGet() + ".stderr");
			ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile())
				.redirectOutput(ProcessBuilder.Redirect.PIPE)
				.redirectInput(ProcessBuilder.Redirect.PIPE);
			builder.environment().put("PYTHONUNBUFFERED", "1");
			builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
			try {
				this.process = builder.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start " + command, ex);
			}
			LIVE.add(this.process);
			this.reader = new Thread(this::readStdout, "python-" + name + "-stdout");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		void start(List<String> command, String name) {
			launch(command, name);
			long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
			while (!this.lines.contains("READY")) {
				if (!this.process.isAlive()) {
					joinReader();
					if (this.lines.contains("READY")) {
						break;
					}
					String message = name + " exited with " + this.process.exitValue() + " before READY" + describe();
					close();
					throw new AssertionError(message);
				}
				if (System.nanoTime() > deadline) {
					String message = name + " did not print READY within " + READY_TIMEOUT + describe();
					close();
					throw new AssertionError(message);
				}
				synchronized (this.monitor) {
					try {
						this.monitor.wait(50);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						close();
						throw new IllegalStateException(ex);
					}
				}
			}
		}

		private void readStdout() {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					this.lines.add(line);
					synchronized (this.monitor) {
						this.monitor.notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// the process is gone
			}
		}

		boolean waitFor(Duration timeout) {
			try {
				return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		void joinReader() {
			try {
				this.reader.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/**
		 * Returns the process id.
		 * @return the pid
		 */
		public long pid() {
			return this.process.pid();
		}

		/**
		 * Returns whether the process is still running.
		 * @return whether it runs
		 */
		public boolean isAlive() {
			return this.process.isAlive();
		}

		/**
		 * Returns the exit code.
		 * @return the exit code
		 * @throws IllegalThreadStateException if it still runs
		 */
		public int exitValue() {
			return this.process.exitValue();
		}

		/**
		 * Returns the stdout lines so far.
		 * @return the lines
		 */
		public List<String> stdoutLines() {
			return Collections.unmodifiableList(new ArrayList<>(this.lines));
		}

		/**
		 * Returns the stdout lines that are JSON objects, parsed.
		 * @return the objects
		 */
		public List<Map<String, Object>> jsonLines() {
			List<Map<String, Object>> result = new ArrayList<>();
			for (String line : this.lines) {
				if (line.startsWith("{")) {
					result.add(JSON.readValue(line, MAP_TYPE));
				}
			}
			return result;
		}

		/**
		 * Waits until at least {@code count} JSON stdout lines match.
		 * @param filter which lines count
		 * @param count how many are needed
		 * @param timeout how long to wait
		 * @return all matching lines (at least {@code count})
		 */
		public List<Map<String, Object>> awaitJson(Predicate<Map<String, Object>> filter, int count, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (true) {
				List<Map<String, Object>> matching = jsonLines().stream().filter(filter).toList();
				if (matching.size() >= count) {
					return matching;
				}
				if (System.nanoTime() > deadline || !this.process.isAlive()) {
					throw new AssertionError("Expected " + count + " matching lines from " + this.name + " within "
							+ timeout + ", got " + matching.size() + describe());
				}
				synchronized (this.monitor) {
					try {
						this.monitor.wait(50);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(ex);
					}
				}
			}
		}

		/**
		 * Returns the stderr file.
		 * @return the path
		 */
		public Path stderrFile() {
			return this.stderr;
		}

		/**
		 * Returns the last {@code maxChars} characters of stderr.
		 * @param maxChars how many
		 * @return the tail
		 */
		public String stderrTail(int maxChars) {
			try {
				return tail(Files.readString(this.stderr, StandardCharsets.UTF_8), maxChars);
			}
			catch (IOException ex) {
				return "(cannot read " + this.stderr + ": " + ex + ")";
			}
		}

		String describe() {
			return "\n--- stdout (" + this.name + ") ---\n" + tail(String.join("\n", this.lines), 4000)
					+ "\n--- stderr tail (" + this.stderr + ") ---\n" + stderrTail(4000);
		}

		/**
		 * Stops the process: SIGTERM, then a kill after {@link #STOP_GRACE}.
		 */
		@Override
		public void close() {
			if (this.process == null) {
				return;
			}
			try {
				if (this.process.isAlive()) {
					// SIGTERM via the handle: Process.destroy() would also close our end
					// of
					// stdout and lose the lines printed during shutdown
					this.process.toHandle().destroy();
					if (!this.process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
						this.process.destroyForcibly();
						this.process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
					}
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
			finally {
				try {
					this.process.getOutputStream().close();
				}
				catch (IOException ex) {
					// ignore
				}
				LIVE.remove(this.process);
				joinReader();
			}
		}

	}

	/**
	 * A running {@code oslo_server.py}. Its main endpoint has {@code echo(**kw)},
	 * {@code echo_value(value)}, {@code add(a, b)}, {@code fail(message)} (ValueError),
	 * {@code sleep(seconds)}, {@code whoami()}, {@code record(**kw)}, {@code events()}
	 * and {@code big(size)}; the endpoint with namespace {@code control}, version 1.0 has
	 * {@code ping()}, returning the server name.
	 */
	public static final class PythonServer extends PythonProcess {

		private final String topic;

		private final String server;

		PythonServer(String topic, String server) {
			this.topic = topic;
			this.server = server;
		}

		/**
		 * Returns the topic.
		 * @return the topic
		 */
		public String topic() {
			return this.topic;
		}

		/**
		 * Returns the server name.
		 * @return the server name
		 */
		public String server() {
			return this.server;
		}

		/**
		 * Returns the JSON events printed so far ({@code record}, {@code stopped}).
		 * @return the events
		 */
		public List<Map<String, Object>> events() {
			return jsonLines();
		}

		/**
		 * Returns the {@code args} of each {@code record} call so far.
		 * @return the recorded arguments
		 */
		public List<Map<String, Object>> recorded() {
			return recordedArgs(jsonLines());
		}

		/**
		 * Waits until {@code record} was called at least {@code count} times.
		 * @param count how many calls
		 * @param timeout how long to wait
		 * @return the {@code args} of each {@code record} call
		 */
		public List<Map<String, Object>> awaitRecorded(int count, Duration timeout) {
			return recordedArgs(awaitJson((event) -> "record".equals(event.get("event")), count, timeout));
		}

		@SuppressWarnings("unchecked")
		private static List<Map<String, Object>> recordedArgs(List<Map<String, Object>> events) {
			return events.stream()
				.filter((event) -> "record".equals(event.get("event")))
				.map((event) -> (Map<String, Object>) event.get("args"))
				.toList();
		}

	}

	/**
	 * A running {@code oslo_raw_capture.py}. Each message is a map with {@code exchange},
	 * {@code routing_key}, {@code redelivered}, {@code properties}, {@code body} (the raw
	 * text), {@code json} (the parsed body) and {@code oslo_message} (the parsed inner
	 * {@code oslo.message}, or null).
	 */
	public static final class RawCapture extends PythonProcess {

		RawCapture() {
		}

		/**
		 * Returns the messages captured so far.
		 * @return the messages
		 */
		public List<Map<String, Object>> messages() {
			return jsonLines().stream().filter((event) -> "message".equals(event.get("event"))).toList();
		}

		/**
		 * Waits until at least {@code count} messages were captured.
		 * @param count how many
		 * @param timeout how long to wait
		 * @return the messages
		 */
		public List<Map<String, Object>> awaitMessages(int count, Duration timeout) {
			return awaitJson((event) -> "message".equals(event.get("event")), count, timeout);
		}

	}

	// ---- notifications: oslo_notify_send.py and oslo_notify_listen.py ----

	/**
	 * Starts {@code oslo_notify_listen.py}, a Python notification listener
	 * ({@code get_notification_listener}, threading executor) printing one JSON line
	 * {@code {"event": "notification", "priority", "ctxt", "publisher_id", "event_type",
	 * "payload", "metadata"}} per notification, and waits until it is READY. Options:
	 * {@code "--pool", "p"}, {@code "--priority", "info"} (repeatable, default all),
	 * {@code "--exchange", "x"}.
	 * @param url the oslo transport URL
	 * @param topic the notification topic
	 * @param options extra command line arguments
	 * @return the running listener; close it
	 */
	public static PythonProcess startNotificationListener(String url, String topic, String... options) {
		return startNotificationListener(OsloPeer.OSLO_14, url, topic, options);
	}

	/**
	 * Starts {@code oslo_notify_listen.py} with the given peer's oslo.messaging, as
	 * {@link #startNotificationListener(String, String, String...)} does.
	 * @param peer the oslo.messaging to run
	 * @param url the oslo transport URL, rabbit options of the mode in its query
	 * @param topic the notification topic
	 * @param options extra command line arguments
	 * @return the running listener; close it
	 */
	public static PythonProcess startNotificationListener(OsloPeer peer, String url, String topic, String... options) {
		List<String> command = command(peer, "oslo_notify_listen.py", "--url", url, "--topic", topic,
				"--stdin-watchdog");
		command.addAll(Arrays.asList(options));
		PythonProcess process = new PythonProcess();
		process.start(command, "notify-listen-" + topic);
		return process;
	}

	/**
	 * Runs {@code oslo_notify_send.py}: a Python {@code Notifier} sending the given steps
	 * ({@code {"priority", "event_type", "payload", "ctxt", "publisher_id"}}) in order.
	 * Options: {@code "--publisher-id", "p"}, {@code "--driver", "messaging"},
	 * {@code "--exchange", "x"}.
	 * @param url the oslo transport URL
	 * @param topic the notification topic
	 * @param steps the notifications to send
	 * @param timeout how long the run may take
	 * @param options extra command line arguments
	 */
	public static void runNotifier(String url, String topic, List<? extends Map<String, ?>> steps, Duration timeout,
			String... options) {
		runNotifier(OsloPeer.OSLO_14, url, topic, steps, timeout, options);
	}

	/**
	 * Runs {@code oslo_notify_send.py} with the given peer's oslo.messaging, as
	 * {@link #runNotifier(String, String, List, Duration, String...)} does.
	 * @param peer the oslo.messaging to run
	 * @param url the oslo transport URL, rabbit options of the mode in its query
	 * @param topic the notification topic
	 * @param steps the notifications to send
	 * @param timeout how long the run may take
	 * @param options extra command line arguments
	 */
	public static void runNotifier(OsloPeer peer, String url, String topic, List<? extends Map<String, ?>> steps,
			Duration timeout, String... options) {
		String script = writeSteps(peer, "notify-send", steps);
		List<String> command = command(peer, "oslo_notify_send.py", "--url", url, "--topic", topic, "--script-file",
				script);
		command.addAll(Arrays.asList(options));
		PythonProcess process = new PythonProcess();
		process.launch(command, "notify-send-" + topic);
		try {
			if (!process.waitFor(timeout)) {
				throw new AssertionError("oslo_notify_send.py did not finish within " + timeout + process.describe());
			}
			process.joinReader();
			if (process.exitValue() != 0 || !process.stdoutLines().contains("DONE")) {
				throw new AssertionError(
						"oslo_notify_send.py failed (exit " + process.exitValue() + ")" + process.describe());
			}
		}
		finally {
			process.close();
		}
	}

}
