package io.oslo4j.rpc.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the RabbitMQ programs of one {@link RabbitNode} with the node's environment: the
 * host's ({@code /usr/sbin/rabbitmq-server}, {@code rabbitmqctl}), or those of the
 * {@link Debian13Root} through {@code chroot <root> env -i}. Paths in the environment are
 * those the programs see.
 */
final class NodeCommands {

	private final @Nullable Debian13Root root;

	private final Map<String, String> environment;

	private NodeCommands(@Nullable Debian13Root root, Map<String, String> environment) {
		this.root = root;
		this.environment = environment;
	}

	/**
	 * Returns the commands of the host's RabbitMQ, failing under {@code CI=true} (else
	 * aborting the test) when it is not installed.
	 * @param environment the node's environment
	 * @return the commands
	 */
	static NodeCommands host(Map<String, String> environment) {
		sbin("rabbitmq-server");
		return new NodeCommands(null, environment);
	}

	/**
	 * Returns the commands of the Debian 13 root's RabbitMQ.
	 * @param root the root
	 * @param environment the node's environment (paths as the root sees them)
	 * @return the commands
	 */
	static NodeCommands debian13(Debian13Root root, Map<String, String> environment) {
		return new NodeCommands(root, environment);
	}

	/**
	 * Returns the command line of a RabbitMQ program ({@code rabbitmq-server},
	 * {@code rabbitmqctl}, ...) with its arguments.
	 * @param program the program name
	 * @param args its arguments
	 * @return the command line
	 */
	List<String> rabbit(String program, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add((this.root != null) ? "/usr/sbin/" + program : sbin(program));
		command.addAll(args);
		return inNodeEnvironment(command);
	}

	/**
	 * Hands a data directory to the {@code rabbitmq} user: rabbitmq-server started as
	 * root switches to it, and in the root it has the root's uid, not the host's.
	 * @param directory the data directory, as the host sees it
	 */
	void giveToRabbitUser(Path directory) {
		if (!"root".equals(System.getProperty("user.name"))) {
			return;
		}
		List<String> chown = List.of("chown", "-R", "rabbitmq:rabbitmq",
				(this.root != null) ? this.root.pathInRoot(directory) : directory.toString());
		run((this.root != null) ? this.root.command(Map.of(), chown) : chown, Duration.ofSeconds(30));
		for (Path parent = directory.getParent(); parent != null; parent = parent.getParent()) {
			parent.toFile().setExecutable(true, false);
		}
	}

	/**
	 * Stops the node's own epmd (nodes of the Debian 13 root have one each, on
	 * {@code ERL_EPMD_PORT}) once the node's VM has exited; best effort. Host nodes share
	 * the host's epmd, which stays.
	 * @param vm the node's Erlang VM, or null if unknown
	 */
	void stopOwnEpmd(@Nullable ProcessHandle vm) {
		String port = this.environment.get("ERL_EPMD_PORT");
		if (this.root == null || port == null) {
			return;
		}
		if (vm != null) {
			try {
				// epmd refuses to stop while a node is registered
				vm.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException | TimeoutException ex) {
				System.err.println("the Erlang VM " + vm.pid() + " has not exited 30 s after its node stopped");
			}
		}
		waitFor(launch(this.root.command(Map.of(), List.of("/usr/bin/epmd", "-port", port, "-kill"))),
				Duration.ofSeconds(10));
	}

	/**
	 * Runs a command, failing unless it exits with 0.
	 * @param command the command line
	 * @param timeout how long it may take
	 * @return its output (stdout and stderr)
	 * @throws IllegalStateException if it fails or times out
	 */
	String run(List<String> command, Duration timeout) {
		Process process = launch(command);
		String output = waitFor(process, timeout);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output.strip());
		}
		return output;
	}

	/**
	 * Starts a command with the node's environment (host commands only; those in the root
	 * carry it on their command line).
	 * @param command the command line
	 * @return the process
	 */
	Process launch(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (this.root == null) {
			builder.environment().putAll(this.environment);
		}
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + command.get(0), ex);
		}
	}

	/**
	 * Reads a process's output until it ends, killing it after the timeout.
	 * @param process the process
	 * @param timeout how long it may take
	 * @return its output
	 */
	static String waitFor(Process process, Duration timeout) {
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

	private List<String> inNodeEnvironment(List<String> command) {
		return (this.root != null) ? this.root.command(this.environment, command) : command;
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

}
