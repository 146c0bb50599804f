package io.oslo4j.rpc.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian 13 (trixie) root that {@code .ci/debian13-root} builds for stacks 2 and 3 of
 * the interop matrix: RabbitMQ 4.0.5 (Erlang 27), Debian's python3-oslo.messaging 16.1.0
 * ({@code /usr/bin/python3}) and upstream oslo.messaging 18.1.0 (the venv
 * {@code /opt/oslo18}). Tests run its programs through {@code chroot <root> env -i ...},
 * so nothing of the host's environment leaks in; they share the host's network and
 * process ids.
 *
 * <p>
 * The root is {@value #DEFAULT_ROOT}, or the directory named by the environment variable
 * {@value #ROOT_VARIABLE}. When it is missing or not ready (its {@code /proc} and
 * {@code /dev/shm} mounted, the JVM running as root), tests fail under {@code CI=true}
 * and are skipped elsewhere, as with {@link TestBroker}.
 */
public final class Debian13Root {

	/** The environment variable that overrides the root's location. */
	public static final String ROOT_VARIABLE = "OSLO4J_DEBIAN13_ROOT";

	/** Where {@code .ci/debian13-root} builds the root by default. */
	public static final String DEFAULT_ROOT = "/var/cache/oslo4j/trixie";

	private static final String SETUP_HINT = "; run .ci/debian13-root as root to build it and mount its /proc "
			+ "and /dev/shm (" + ROOT_VARIABLE + " names another location)";

	/** The variables every command in the root gets, whatever else it is given. */
	private static final List<String> BASE_ENVIRONMENT = List.of("HOME=/root",
			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8");

	private static final Object LOCK = new Object();

	private static @Nullable Debian13Root found;

	private static @Nullable String unavailable;

	private final Path path;

	private Debian13Root(Path path) {
		this.path = path;
	}

	/**
	 * Returns the root after checking (once) that it is complete and ready. Fails under
	 * {@code CI=true}, otherwise aborts the test.
	 * @return the root
	 */
	public static Debian13Root require() {
		synchronized (LOCK) {
			if (found == null && unavailable == null) {
				locate();
			}
			if (unavailable != null) {
				if (TestBroker.isCi()) {
					throw new IllegalStateException(unavailable);
				}
				Assumptions.abort(unavailable);
			}
			return found;
		}
	}

	private static void locate() {
		String configured = System.getenv(ROOT_VARIABLE);
		Path root = Path.of((configured == null || configured.isBlank()) ? DEFAULT_ROOT : configured)
			.toAbsolutePath()
			.normalize();
		if (!Files.isExecutable(root.resolve("usr/lib/rabbitmq/bin/rabbitmq-server"))
				|| !Files.isExecutable(root.resolve("opt/oslo18/bin/python3"))) {
			unavailable = "the Debian 13 root " + root + " is missing or incomplete" + SETUP_HINT;
		}
		else if (!"root".equals(System.getProperty("user.name"))) {
			unavailable = "the Debian 13 root " + root + " is used through chroot, which needs root; run the tests "
					+ "as root";
		}
		else if (!Files.exists(root.resolve("proc/self/stat")) || !isMounted(root.resolve("dev/shm"))) {
			unavailable = "the Debian 13 root " + root + " lacks its /proc or /dev/shm mount (oslo's queue manager "
					+ "needs both)" + SETUP_HINT;
		}
		else {
			found = new Debian13Root(root);
		}
	}

	private static boolean isMounted(Path directory) {
		try {
			String mountPoint = " " + directory + " ";
			return Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8)
				.stream()
				.anyMatch((line) -> line.contains(mountPoint));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Returns the root directory, as the host sees it. */
	public Path path() {
		return this.path;
	}

	/**
	 * Returns where a path of the root lies on the host.
	 * @param pathInRoot an absolute path as programs in the root see it (e.g.
	 * {@code /var/lib/oslo4j-nodes/n1})
	 * @return the host path
	 */
	public Path hostPath(String pathInRoot) {
		if (!pathInRoot.startsWith("/")) {
			throw new IllegalArgumentException("not an absolute path: " + pathInRoot);
		}
		return this.path.resolve(pathInRoot.substring(1));
	}

	/**
	 * Returns a host path under the root as programs in the root see it.
	 * @param hostPath a host path under {@link #path()}
	 * @return the absolute path inside the root
	 * @throws IllegalArgumentException if the path is not under the root
	 */
	public String pathInRoot(Path hostPath) {
		Path absolute = hostPath.toAbsolutePath().normalize();
		if (!absolute.startsWith(this.path)) {
			throw new IllegalArgumentException(hostPath + " is not under the Debian 13 root " + this.path);
		}
		return "/" + this.path.relativize(absolute);
	}

	/**
	 * Returns the command line that runs a program in the root with a clean environment:
	 * {@code chroot <root> env -i HOME=/root PATH=... LANG=C.UTF-8
	 * <environment> <command>}.
	 * @param environment further variables (they may override the base ones)
	 * @param command the program, as the root sees it, and its arguments
	 * @return the host command line
	 */
	public List<String> command(Map<String, String> environment, List<String> command) {
		List<String> line = new ArrayList<>(List.of("chroot", this.path.toString(), "env", "-i"));
		line.addAll(BASE_ENVIRONMENT);
		environment.forEach((name, value) -> line.add(name + "=" + value));
		line.addAll(command);
		return line;
	}

	@Override
	public String toString() {
		return "Debian 13 root " + this.path;
	}

}
