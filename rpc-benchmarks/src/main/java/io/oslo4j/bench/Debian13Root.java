package io.oslo4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Debian 13 root that {@code .ci/debian13-root} builds: Debian 13's
 * python3-oslo.messaging 16.1 at {@code /usr/bin/python3} and upstream oslo.messaging
 * 18.1 in a venv at {@code /opt/oslo18/bin/python3}. Its Python runs with
 * {@code chroot <root> env -i ... setsid <python> -u}: a clean environment, a process
 * group of its own, and the host's network (so {@code 127.0.0.1:5672} is the host's
 * broker). The scripts are copied into the root's {@code /tmp}; {@code /proc} is mounted
 * in the root when it is not.
 */
final class Debian13Root {

	/** The environment variable that overrides the default location. */
	static final String ENVIRONMENT = "OSLO4J_DEBIAN13_ROOT";

	/** Where {@code .ci/debian13-root} builds it by default. */
	static final String DEFAULT_LOCATION = "/var/cache/oslo4j/trixie";

	/** Debian 13's interpreter, with python3-oslo.messaging 16.1. */
	static final String PYTHON16 = "/usr/bin/python3";

	/** The venv with upstream oslo.messaging 18.1. */
	static final String PYTHON18 = "/opt/oslo18/bin/python3";

	private static final List<String> ENV = List.of("env", "-i", "HOME=/root",
			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8");

	private static final String BUILD = "build it with .ci/debian13-root (as root), or point --debian13-root or "
			+ ENVIRONMENT + " at one";

	private final Path root;

	Debian13Root(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * Returns the location: {@value #ENVIRONMENT} when set, else
	 * {@value #DEFAULT_LOCATION}.
	 * @return the path
	 */
	static Path defaultLocation() {
		String configured = System.getenv(ENVIRONMENT);
		return Path.of((configured != null && !configured.isBlank()) ? configured : DEFAULT_LOCATION);
	}

	/** Returns the root directory. */
	Path root() {
		return this.root;
	}

	/**
	 * Returns the runner of one of the root's interpreters, after checking that it
	 * imports oslo.messaging of the expected release.
	 * @param interpreter the interpreter's path in the root ({@link #PYTHON16} or
	 * {@link #PYTHON18})
	 * @param release the expected oslo.messaging release, e.g. {@code 18.1}
	 * @return the runner
	 * @throws IllegalStateException saying what is missing or wrong and that
	 * {@code .ci/debian13-root} makes it
	 */
	Python python(String interpreter, String release) {
		if (!Files.isDirectory(this.root.resolve("usr/bin"))) {
			throw new IllegalStateException("no Debian 13 root at " + this.root + ": " + BUILD);
		}
		if (!Files.exists(this.root.resolve(interpreter.substring(1)), LinkOption.NOFOLLOW_LINKS)) {
			throw new IllegalStateException("the Debian 13 root " + this.root + " has no " + interpreter
					+ " (oslo.messaging " + release + "): complete it with .ci/debian13-root");
		}
		mountProc();
		List<String> chroot = new ArrayList<>(List.of("chroot", this.root.toString()));
		chroot.addAll(ENV);
		String name = interpreter + " in " + this.root;
		String version;
		try {
			String output = Python.evaluate(append(chroot, interpreter),
					"import importlib.metadata as m, oslo_messaging; print(m.version('oslo.messaging'))");
			version = output.substring(output.lastIndexOf('\n') + 1).trim();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot import oslo_messaging with " + name + " (" + ex.getMessage()
					+ "); run .ci/debian13-root to repair the root", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while checking " + name, ex);
		}
		if (!version.startsWith(release + ".")) {
			throw new IllegalStateException(name + " has oslo.messaging " + version + ", not " + release
					+ ".x: run .ci/debian13-root to rebuild the root");
		}
		try {
			Path scripts = Python.extractScripts(Files.createDirectories(this.root.resolve("tmp")));
			List<String> command = append(append(chroot, "setsid"), interpreter);
			return new Python("oslo.messaging " + version + ", " + name, append(command, "-u"),
					"/" + this.root.relativize(scripts));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot copy the benchmark scripts into " + this.root + "/tmp: " + ex, ex);
		}
	}

	/**
	 * Mounts {@code /proc} in the root unless it is mounted (oslo and Python read it).
	 */
	private void mountProc() {
		Path proc = this.root.resolve("proc");
		if (Files.exists(proc.resolve("self"))) {
			return;
		}
		try {
			Process mount = new ProcessBuilder("mount", "-t", "proc", "proc", proc.toString()).redirectErrorStream(true)
				.start();
			String output = new String(mount.getInputStream().readAllBytes()).trim();
			if (mount.waitFor() != 0) {
				throw new IllegalStateException("/proc is not mounted in " + this.root + " and mounting it failed ("
						+ output + "); run .ci/debian13-root as root, which mounts it");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("/proc is not mounted in " + this.root + " and mount cannot run (" + ex
					+ "); run .ci/debian13-root as root, which mounts it", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while mounting /proc in " + this.root, ex);
		}
	}

	private static List<String> append(List<String> command, String argument) {
		List<String> longer = new ArrayList<>(command);
		longer.add(argument);
		return longer;
	}

}
