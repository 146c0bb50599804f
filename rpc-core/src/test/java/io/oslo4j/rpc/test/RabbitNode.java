package io.oslo4j.rpc.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * An extra RabbitMQ node that a test starts, stops, restarts, clusters or kills, on its
 * own ports and data directory, never touching the shared broker on 5672.
 *
 * <p>
 * The node is named {@code <name>@localhost}; it listens for AMQP on
 * 127.0.0.1:{@code port} and for Erlang distribution on {@code port + 20000}. Its data
 * and logs live under {@code target/rabbit-nodes/<name>} (or {@code java.io.tmpdir}).
 * With {@code CI=true} a machine without {@code rabbitmq-server} fails the test;
 * elsewhere it skips it. A JVM shutdown hook stops every node still running, so an
 * aborted run leaves nothing behind.
 *
 * <p>
 * Ports are reserved per user so that test classes never collide: 5701–5719 core fault
 * tests, 5721–5739 security and TLS tests, 5741–5759 starter tests.
 *
 * <pre>{@code
 * try (RabbitNode node = RabbitNode.builder("oslo4j-restart", 5701).start()) {
 *     Transport transport = Transports.create(node.url());
 *     node.stopApp();
 *     node.startApp();
 * }
 * }</pre>
 */
public final class RabbitNode implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final String name;

	private final int port;

	private final Path directory;

	private final Map<String, String> environment;

	private final Thread shutdownHook;

	private volatile boolean running;

	private RabbitNode(String name, int port, Path directory, Map<String, String> environment) {
		this.name = name;
		this.port = port;
		this.directory = directory;
		this.environment = environment;
		this.shutdownHook = new Thread(this::stopQuietly, "stop-" + name);
	}

	/**
	 * Starts building a node.
	 * @param name the node's short name, unique per test class (e.g.
	 * {@code oslo4j-restart})
	 * @param port the AMQP port (see the class comment for the reserved ranges)
	 * @return the builder
	 */
	public static Builder builder(String name, int port) {
		return new Builder(name, port);
	}

	/** Returns the Erlang node name, {@code <name>@localhost}. */
	public String nodeName() {
		return this.name + "@localhost";
	}

	/** Returns the AMQP port. */
	public int port() {
		return this.port;
	}

	/** Returns the node's data directory (configuration, certificates, logs). */
	public Path directory() {
		return this.directory;
	}

	/** Returns the transport URL of this node, with guest credentials. */
	public String url() {
		return "rabbit://guest:guest@127.0.0.1:" + this.port + "/";
	}

	/**
	 * Runs {@code rabbitmqctl -n <node> args…} and returns its output.
	 * @param args the arguments
	 * @return the standard output
	 * @throws IllegalStateException if the command fails
	 */
	public String ctl(String... args) {
		List<String> command = new ArrayList<>(List.of(sbin("rabbitmqctl"), "-n", nodeName()));
		command.addAll(List.of(args));
		return run(command, Duration.ofSeconds(120));
	}

	/** Stops the RabbitMQ application (the Erlang node keeps running). */
	public void stopApp() {
		ctl("stop_app");
	}

	/** Starts the RabbitMQ application again and waits until it accepts connections. */
	public void startApp() {
		ctl("start_app");
		ctl("await_startup", "--timeout", "120");
		awaitPort(true);
	}

	/**
	 * Makes this node join {@code seed}'s cluster (stop_app, reset, join_cluster,
	 * start_app).
	 * @param seed a running node of the cluster
	 */
	public void joinCluster(RabbitNode seed) {
		ctl("stop_app");
		ctl("reset");
		ctl("join_cluster", seed.nodeName());
		startApp();
	}

	/** Kills the node's Erlang VM without a chance to clean up ({@code kill -9}). */
	public void kill() {
		String pid = readPid();
		run(List.of("kill", "-9", pid), Duration.ofSeconds(10));
		this.running = false;
		awaitPort(false);
	}

	/** Stops the node (the whole Erlang VM) and waits until its port is closed. */
	public void stop() {
		if (this.running) {
			ctl("stop");
			this.running = false;
			awaitPort(false);
		}
	}

	/** Stops the node if it runs; the data directory is kept for diagnosis. */
	@Override
	public void close() {
		stopQuietly();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down already
		}
	}

	private void stopQuietly() {
		try {
			stop();
		}
		catch (RuntimeException ex) {
			System.err.println("could not stop RabbitMQ node " + nodeName() + ": " + ex.getMessage());
		}
	}

	private void start() {
		stopStale();
		Process process = launch(List.of(rabbitmqServer(), "-detached"));
		waitFor(process, Duration.ofSeconds(30));
		this.running = true;
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (true) {
			try {
				ctl("await_startup", "--timeout", "60");
				break;
			}
			catch (IllegalStateException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"RabbitMQ node " + nodeName() + " did not start; see " + this.directory.resolve("log"), ex);
				}
				pause();
			}
		}
		awaitPort(true);
	}

	private void stopStale() {
		try {
			ctl("stop");
		}
		catch (IllegalStateException ex) {
			// no node of that name runs: the usual case
		}
	}

	private String readPid() {
		try {
			return Files.readString(this.directory.resolve("pid"), StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no pid file for " + nodeName(), ex);
		}
	}

	private void awaitPort(boolean open) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (isListening() != open) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"port " + this.port + " of " + nodeName() + " did not " + (open ? "open" : "close"));
			}
			pause();
		}
	}

	private boolean isListening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String run(List<String> command, Duration timeout) {
		Process process = launch(command);
		String output = waitFor(process, timeout);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output.strip());
		}
		return output;
	}

	private Process launch(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(this.environment);
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + command.get(0), ex);
		}
	}

	private static String waitFor(Process process, Duration timeout) {
		try {
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("command timed out after " + timeout);
			}
			return new String(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static String rabbitmqServer() {
		return sbin("rabbitmq-server");
	}

	private static String sbin(String command) {
		for (String directory : List.of("/usr/sbin", "/usr/lib/rabbitmq/bin", "/usr/local/sbin")) {
			Path candidate = Path.of(directory, command);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		String message = command + " is not installed; install Debian's rabbitmq-server";
		if (TestBroker.isCi()) {
			throw new IllegalStateException(message);
		}
		Assumptions.abort(message);
		throw new AssertionError("unreachable");
	}

	/** Builds and starts a {@link RabbitNode}. */
	public static final class Builder {

		private final String name;

		private final int port;

		private final List<String> config = new ArrayList<>();

		private final List<Consumer<Path>> preparations = new ArrayList<>();

		private Builder(String name, int port) {
			this.name = name;
			this.port = port;
		}

		/**
		 * Adds a line to the node's {@code rabbitmq.conf} (e.g. a TLS listener).
		 * @param line the configuration line
		 * @return this builder
		 */
		public Builder config(String line) {
			this.config.add(line);
			return this;
		}

		/**
		 * Adds an action run on the fresh data directory before the node starts and
		 * before the directory is handed to the rabbitmq user, e.g. writing the TLS
		 * certificates that configuration lines name (under {@link #directory()}).
		 * @param preparation the action, given the data directory
		 * @return this builder
		 */
		public Builder prepare(Consumer<Path> preparation) {
			this.preparations.add(preparation);
			return this;
		}

		/**
		 * Returns the data directory the node will use, known before it starts so that
		 * configuration lines can name files in it.
		 * @return the absolute directory
		 */
		public Path directory() {
			Path base = Files.isDirectory(Path.of("target")) ? Path.of("target", "rabbit-nodes")
					: Path.of(System.getProperty("java.io.tmpdir"), "oslo4j-rabbit-nodes");
			return base.resolve(this.name).toAbsolutePath();
		}

		/**
		 * Writes the configuration into a fresh data directory and starts the node,
		 * waiting until it accepts connections.
		 * @return the running node
		 */
		public RabbitNode start() {
			rabbitmqServer();
			Path directory = prepareDirectory();
			String home = directory.toString();
			Map<String, String> environment = Map.ofEntries(Map.entry("RABBITMQ_NODENAME", this.name + "@localhost"),
					Map.entry("RABBITMQ_NODE_PORT", Integer.toString(this.port)),
					Map.entry("RABBITMQ_DIST_PORT", Integer.toString(this.port + 20000)),
					Map.entry("RABBITMQ_CONFIG_FILE", home + "/rabbitmq.conf"),
					Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", home + "/enabled_plugins"),
					Map.entry("RABBITMQ_MNESIA_BASE", home + "/mnesia"), Map.entry("RABBITMQ_LOG_BASE", home + "/log"),
					Map.entry("RABBITMQ_PID_FILE", home + "/pid"), Map.entry("RABBITMQ_CONF_ENV_FILE", "/dev/null"),
					Map.entry("ERL_EPMD_ADDRESS", "127.0.0.1"),
					Map.entry("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}"));
			RabbitNode node = new RabbitNode(this.name, this.port, directory, environment);
			node.start();
			return node;
		}

		private Path prepareDirectory() {
			Path directory = directory();
			try {
				if (Files.exists(directory)) {
					try (Stream<Path> paths = Files.walk(directory)) {
						paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
					}
				}
				Files.createDirectories(directory);
				List<String> lines = new ArrayList<>();
				lines.add("listeners.tcp.local = 127.0.0.1:" + this.port);
				lines.addAll(this.config);
				Files.write(directory.resolve("rabbitmq.conf"), lines);
				Files.writeString(directory.resolve("enabled_plugins"), "[].\n");
				this.preparations.forEach((preparation) -> preparation.accept(directory));
				giveToRabbitUser(directory);
				return directory;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot prepare " + directory, ex);
			}
		}

		// rabbitmq-server started as root switches to the rabbitmq user, which must own
		// the data directory and be able to reach it
		private static void giveToRabbitUser(Path directory) throws IOException {
			if (!"root".equals(System.getProperty("user.name"))) {
				return;
			}
			try {
				Process chown = new ProcessBuilder("chown", "-R", "rabbitmq:rabbitmq", directory.toString())
					.redirectErrorStream(true)
					.start();
				waitFor(chown, Duration.ofSeconds(10));
				for (Path parent = directory.getParent(); parent != null; parent = parent.getParent()) {
					parent.toFile().setExecutable(true, false);
				}
			}
			catch (IllegalStateException ex) {
				throw new IOException("cannot hand " + directory + " to the rabbitmq user", ex);
			}
		}

	}

}
