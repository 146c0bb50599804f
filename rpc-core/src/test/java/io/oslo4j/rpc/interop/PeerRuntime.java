package io.oslo4j.rpc.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.oslo4j.rpc.test.Debian13Root;
import io.oslo4j.rpc.test.TestBroker;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Where and how the scripts of one {@link OsloPeer} run: its interpreter (checked once),
 * a directory holding copies of the interop scripts ({@code /interop/*.py} on the test
 * classpath) that the interpreter can read, and the command line that starts a script.
 * For a peer of the Debian 13 root the directory is {@code <root>/tmp/oslo4j-interop-*},
 * and files the scripts read are copied into it.
 */
final class PeerRuntime {

	private static final String HOST_HINT = "Debian's python3-oslo.messaging is required: "
			+ "apt-get install -y python3-oslo.messaging";

	private static final String ROOT_HINT = "; run .ci/debian13-root to build the Debian 13 root and its "
			+ "oslo.messaging 18.1.0 venv";

	private static final List<String> SCRIPTS = List.of("oslo_server.py", "oslo_client.py", "oslo_raw_capture.py",
			"oslo_notify_send.py", "oslo_notify_listen.py");

	private static final Map<OsloPeer, PeerRuntime> RUNTIMES = new EnumMap<>(OsloPeer.class);

	private final OsloPeer peer;

	private @Nullable Debian13Root root;

	private @Nullable String python;

	private @Nullable String unavailable;

	private @Nullable Path scriptDir;

	private PeerRuntime(OsloPeer peer) {
		this.peer = peer;
	}

	/**
	 * Returns the runtime of a peer.
	 * @param peer the peer
	 * @return its runtime
	 */
	static PeerRuntime of(OsloPeer peer) {
		synchronized (RUNTIMES) {
			return RUNTIMES.computeIfAbsent(peer, PeerRuntime::new);
		}
	}

	/**
	 * Returns the interpreter (as the peer sees it) after checking, once, that it imports
	 * the peer's oslo.messaging. Fails under {@code CI=true}, otherwise aborts the test.
	 * @return the interpreter path
	 */
	synchronized String python() {
		if (this.python == null && this.unavailable == null) {
			probe();
		}
		if (this.unavailable != null) {
			if (TestBroker.isCi()) {
				throw new AssertionError(this.unavailable);
			}
			Assumptions.abort(this.unavailable);
		}
		return this.python;
	}

	private void probe() {
		String candidate;
		String hint;
		if (this.peer.inDebian13Root()) {
			this.root = Debian13Root.require();
			candidate = this.peer.interpreterInRoot();
			hint = "oslo.messaging " + this.peer.version() + " in " + this.root + " (" + candidate + ")";
		}
		else {
			candidate = System.getenv(PythonOslo.PYTHON_VARIABLE);
			if (candidate == null || candidate.isBlank()) {
				candidate = PythonOslo.DEFAULT_PYTHON;
			}
			hint = HOST_HINT;
			if (!Files.isExecutable(Path.of(candidate))) {
				this.unavailable = hint + " (" + candidate + " is not an executable)";
				return;
			}
		}
		List<String> command = inPeerEnvironment(List.of(candidate, "-c",
				"import oslo_messaging, amqp, importlib.metadata as m; print(m.version('oslo.messaging'))"));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				this.unavailable = hint + " (" + candidate + " -c 'import oslo_messaging' timed out)";
			}
			else if (process.exitValue() != 0) {
				this.unavailable = hint + " (" + candidate + " cannot import oslo_messaging: "
						+ PythonOslo.tail(out, 1500) + ")" + (this.peer.inDebian13Root() ? ROOT_HINT : "");
			}
			else if (this.peer.inDebian13Root() && !out.equals(this.peer.version())) {
				this.unavailable = hint + " imports oslo.messaging " + out + ROOT_HINT;
			}
			else {
				this.python = candidate;
			}
		}
		catch (IOException ex) {
			this.unavailable = hint + " (cannot run " + command + ": " + ex + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the directory holding copies of the interop scripts, as the host sees it
	 * (copied once).
	 * @return the directory
	 */
	synchronized Path scriptDir() {
		if (this.scriptDir == null) {
			python();
			try {
				Path dir = (this.root != null)
						? Files.createTempDirectory(this.root.hostPath("/tmp"), "oslo4j-interop-")
						: Files.createTempDirectory("oslo4j-interop-");
				for (String script : SCRIPTS) {
					try (InputStream in = PeerRuntime.class.getResourceAsStream("/interop/" + script)) {
						if (in == null) {
							throw new IllegalStateException("/interop/" + script + " is not on the test classpath");
						}
						Files.copy(in, dir.resolve(script), StandardCopyOption.REPLACE_EXISTING);
					}
				}
				if (this.root != null) {
					Files.createDirectories(dir.resolve("locks"));
				}
				this.scriptDir = dir;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.scriptDir;
	}

	/**
	 * Returns the command line that runs an interop script with the peer's interpreter. A
	 * peer of the root runs in its own session ({@code setsid}; the process is still the
	 * one Java started) with {@code --lock-path} set.
	 * @param script the script's file name
	 * @param args its arguments
	 * @return the command line
	 */
	List<String> command(String script, List<String> args) {
		String python = python();
		Path dir = scriptDir();
		List<String> command = new ArrayList<>(List.of(python, "-u", peerPath(dir.resolve(script))));
		command.addAll(args);
		if (this.root != null) {
			command.addAll(List.of("--lock-path", peerPath(dir.resolve("locks"))));
			List<String> line = new ArrayList<>(List.of("setsid"));
			line.addAll(inPeerEnvironment(command));
			return line;
		}
		return command;
	}

	/**
	 * Makes a host file readable by the peer (copying it into the script directory for a
	 * peer of the root) and returns its path as the peer sees it.
	 * @param file the file
	 * @return the path to give the script
	 */
	String stage(Path file) {
		if (this.root == null) {
			return file.toString();
		}
		Path copy = scriptDir().resolve(file.getFileName());
		try {
			Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return peerPath(copy);
	}

	private String peerPath(Path hostPath) {
		return (this.root != null) ? this.root.pathInRoot(hostPath) : hostPath.toString();
	}

	private List<String> inPeerEnvironment(List<String> command) {
		if (this.root == null) {
			return command;
		}
		return this.root.command(Map.of("PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", "1"), command);
	}

	/** Deletes every script directory made so far (at JVM exit, after the peers). */
	static void deleteScriptDirs() {
		List<PeerRuntime> runtimes;
		synchronized (RUNTIMES) {
			runtimes = new ArrayList<>(RUNTIMES.values());
		}
		for (PeerRuntime runtime : runtimes) {
			Path dir = runtime.scriptDir;
			if (dir != null) {
				try (Stream<Path> paths = Files.walk(dir)) {
					paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
				catch (IOException | UncheckedIOException ex) {
					// best effort
				}
			}
		}
	}

}
