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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

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
 * With {@link Builder#debian13()} the node is the RabbitMQ 4.0.5 of the
 * {@link Debian13Root}, run through {@code chroot <root> env -i}: its data directory is
 * {@code <root>/var/lib/oslo4j-nodes/<name>} and it has its own epmd on
 * {@code port + 40000}, so it never meets the host's epmd or 3.10 nodes (nodes that
 * cluster must share one: {@link Builder#epmdPort(int)}).
 *
 * <p>
 * Ports are reserved per user so that test classes never collide: 5701–5719 core fault
 * tests, 5721–5739 security and TLS tests, 5741–5759 starter tests, 5761–5779 tests on
 * the Debian 13 root's RabbitMQ 4.0.5 (their epmd on 45761–45779), 5810–5829 fault tests
 * on RabbitMQ 4.0.5 (epmd 45810–45829).
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

	private final NodeCommands commands;

	private final Thread shutdownHook;

	private volatile boolean running;

	private volatile @Nullable ProcessHandle vm;

	private RabbitNode(String name, int port, Path directory, NodeCommands commands) {
		this.name = name;
		this.port = port;
		this.directory = directory;
		this.commands = commands;
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

	/**
	 * Returns the node's data directory (configuration, certificates, logs), as the host
	 * sees it.
	 */
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
		List<String> arguments = new ArrayList<>(List.of("-n", nodeName()));
		arguments.addAll(List.of(args));
		return this.commands.run(this.commands.rabbit("rabbitmqctl", arguments), Duration.ofSeconds(120));
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
		this.commands.run(List.of("kill", "-9", pid), Duration.ofSeconds(10));
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
			this.commands.stopOwnEpmd(this.vm);
		}
		catch (RuntimeException ex) {
			System.err.println("could not stop RabbitMQ node " + nodeName() + ": " + ex.getMessage());
		}
	}

	private void start() {
		stopStale();
		Process process = this.commands.launch(this.commands.rabbit("rabbitmq-server", List.of("-detached")));
		NodeCommands.waitFor(process, Duration.ofSeconds(30));
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
		this.vm = vmHandle();
	}

	private @Nullable ProcessHandle vmHandle() {
		try {
			return ProcessHandle.of(Long.parseLong(readPid())).orElse(null);
		}
		catch (NumberFormatException | UncheckedIOException ex) {
			return null;
		}
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

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** Builds and starts a {@link RabbitNode}. */
	public static final class Builder {

		private final String name;

		private final int port;

		private final List<String> config = new ArrayList<>();

		private final List<Consumer<Path>> preparations = new ArrayList<>();

		private @Nullable Debian13Root root;

		private @Nullable Integer epmdPort;

		private Builder(String name, int port) {
			this.name = name;
			this.port = port;
		}

		/**
		 * Makes the node the RabbitMQ 4.0.5 of the {@link Debian13Root} (which fails
		 * under {@code CI=true}, else aborts the test, when the root is not there).
		 * @return this builder
		 */
		public Builder debian13() {
			this.root = Debian13Root.require();
			return this;
		}

		/**
		 * Sets the port of the node's own epmd (a {@link #debian13()} node; default
		 * {@code port + 40000}). Nodes that cluster must share one.
		 * @param port the epmd port
		 * @return this builder
		 */
		public Builder epmdPort(int port) {
			this.epmdPort = port;
			return this;
		}

		/**
		 * Adds a line to the node's {@code rabbitmq.conf} (e.g. a TLS listener). Files
		 * are named as the node sees them: see {@link #nodePath(Path)}.
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
		 * Returns the data directory the node will use, as the host sees it, known before
		 * it starts so that configuration lines can name files in it.
		 * @return the absolute directory
		 */
		public Path directory() {
			return layout().path();
		}

		/**
		 * Returns a host path under {@link #directory()} as the node sees it: the same
		 * path, or for a {@link #debian13()} node the path inside the root.
		 * @param hostPath the path on the host
		 * @return the path for configuration lines
		 */
		public String nodePath(Path hostPath) {
			return layout().nodePath(hostPath);
		}

		/**
		 * Writes the configuration into a fresh data directory and starts the node,
		 * waiting until it accepts connections.
		 * @return the running node
		 */
		public RabbitNode start() {
			NodeDirectory layout = layout();
			Map<String, String> environment = layout.environment(this.epmdPort);
			NodeCommands commands = (this.root != null) ? NodeCommands.debian13(this.root, environment)
					: NodeCommands.host(environment);
			layout.prepare(this.config, this.preparations, commands);
			RabbitNode node = new RabbitNode(this.name, this.port, layout.path(), commands);
			node.start();
			return node;
		}

		private NodeDirectory layout() {
			return new NodeDirectory(this.name, this.port, this.root);
		}

	}

}
