package io.oslo4j.rpc.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The data directory of a {@link RabbitNode} (configuration, database, logs, pid file)
 * and the environment that points the node's programs at it: under {@code target} on the
 * host, or under {@code /var/lib/oslo4j-nodes} in the {@link Debian13Root}, where the
 * programs see it without the root's prefix.
 */
final class NodeDirectory {

	private final String name;

	private final int port;

	private final @Nullable Debian13Root root;

	NodeDirectory(String name, int port, @Nullable Debian13Root root) {
		this.name = name;
		this.port = port;
		this.root = root;
	}

	/** Returns the directory as the host sees it. */
	Path path() {
		if (this.root != null) {
			return this.root.hostPath("/var/lib/oslo4j-nodes/" + this.name);
		}
		Path base = Files.isDirectory(Path.of("target")) ? Path.of("target", "rabbit-nodes")
				: Path.of(System.getProperty("java.io.tmpdir"), "oslo4j-rabbit-nodes");
		return base.resolve(this.name).toAbsolutePath();
	}

	/** Returns a host path as the node's programs see it. */
	String nodePath(Path hostPath) {
		return (this.root != null) ? this.root.pathInRoot(hostPath) : hostPath.toAbsolutePath().toString();
	}

	/**
	 * Returns the node's environment: its name, ports and files, and for a node of the
	 * root its own epmd port ({@code port + 40000} unless given).
	 * @param epmdPort the epmd port of a node of the root, or null for the default
	 * @return the variables
	 */
	Map<String, String> environment(@Nullable Integer epmdPort) {
		String home = nodePath(path());
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("RABBITMQ_NODENAME", this.name + "@localhost");
		environment.put("RABBITMQ_NODE_PORT", Integer.toString(this.port));
		environment.put("RABBITMQ_DIST_PORT", Integer.toString(this.port + 20000));
		environment.put("RABBITMQ_CONFIG_FILE", home + "/rabbitmq.conf");
		environment.put("RABBITMQ_ENABLED_PLUGINS_FILE", home + "/enabled_plugins");
		environment.put("RABBITMQ_MNESIA_BASE", home + "/mnesia");
		environment.put("RABBITMQ_LOG_BASE", home + "/log");
		environment.put("RABBITMQ_PID_FILE", home + "/pid");
		environment.put("RABBITMQ_CONF_ENV_FILE", "/dev/null");
		environment.put("ERL_EPMD_ADDRESS", "127.0.0.1");
		environment.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
		if (this.root != null) {
			environment.put("ERL_EPMD_PORT", Integer.toString((epmdPort != null) ? epmdPort : this.port + 40000));
		}
		return environment;
	}

	/**
	 * Makes the directory afresh: {@code rabbitmq.conf} (the AMQP listener, then the
	 * given lines), no plugins, the preparations, and hands it to the rabbitmq user
	 * (rabbitmq-server started as root switches to it).
	 * @param config the configuration lines
	 * @param preparations actions on the directory (host path) before it is handed over
	 * @param commands the node's commands
	 */
	void prepare(List<String> config, List<Consumer<Path>> preparations, NodeCommands commands) {
		Path directory = path();
		try {
			if (Files.exists(directory)) {
				try (Stream<Path> paths = Files.walk(directory)) {
					paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
			}
			Files.createDirectories(directory);
			List<String> lines = new ArrayList<>();
			lines.add("listeners.tcp.local = 127.0.0.1:" + this.port);
			lines.addAll(config);
			Files.write(directory.resolve("rabbitmq.conf"), lines);
			Files.writeString(directory.resolve("enabled_plugins"), "[].\n");
			preparations.forEach((preparation) -> preparation.accept(directory));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare " + directory, ex);
		}
		try {
			commands.giveToRabbitUser(directory);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("cannot hand " + directory + " to the rabbitmq user", ex);
		}
	}

}
