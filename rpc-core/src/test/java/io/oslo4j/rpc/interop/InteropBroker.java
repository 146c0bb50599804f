package io.oslo4j.rpc.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.oslo4j.rpc.test.RabbitNode;
import io.oslo4j.rpc.test.TestBroker;
import org.jspecify.annotations.Nullable;

/**
 * A RabbitMQ broker of the interop matrix, shared by every test class of a JVM: the
 * host's (the test broker, RabbitMQ 3.10), or a node of the Debian 13 root's RabbitMQ
 * 4.0.5, started on first use and stopped when the JVM exits (by {@link RabbitNode}'s
 * shutdown hook).
 *
 * <p>
 * Each {@link InteropMode} but the default one gets a virtual host of its own, since
 * modes disagree on the durability of the control exchange. A node has them from its
 * first boot ({@code load_definitions}); on the host broker they are imported when first
 * needed and deleted, with all they hold, when the JVM exits.
 */
public enum InteropBroker {

	/** The host's RabbitMQ: {@link TestBroker}. */
	HOST("the host's RabbitMQ", 0, false),

	/** RabbitMQ 4.0.5 as it ships: transient non-exclusive queues are permitted. */
	RABBIT_4_0("RabbitMQ 4.0.5", 5762, false),

	/**
	 * RabbitMQ 4.0.5 made as strict as RabbitMQ 4.3 is by default: a transient
	 * non-exclusive queue is answered with {@code 541 INTERNAL_ERROR}, which closes the
	 * connection.
	 */
	RABBIT_4_0_STRICT("RabbitMQ 4.0.5 (strict, as 4.3)", 5763, true);

	private static final String STRICT = "deprecated_features.permit.transient_nonexcl_queues = false";

	private final String description;

	private final int port;

	private final boolean strict;

	// made on the host's broker, deleted when the JVM exits
	private final Set<String> virtualHosts = ConcurrentHashMap.newKeySet();

	private boolean deleteAtExit;

	private @Nullable RabbitNode node;

	private @Nullable RuntimeException failure;

	InteropBroker(String description, int port, boolean strict) {
		this.description = description;
		this.port = port;
		this.strict = strict;
	}

	/**
	 * Returns the transport URL of a virtual host of this broker (without a query),
	 * starting the broker's node and making the virtual host when needed.
	 * @param virtualHost the virtual host, {@code /} for the default one
	 * @return the URL, with guest credentials
	 */
	public synchronized String url(String virtualHost) {
		String base = (this == HOST) ? hostBase() : node().url();
		if (this == HOST && !"/".equals(virtualHost) && !this.virtualHosts.contains(virtualHost)) {
			importOnHost(virtualHost);
		}
		return base + ("/".equals(virtualHost) ? "" : URLEncoder.encode(virtualHost, StandardCharsets.UTF_8));
	}

	/**
	 * Returns the node of the Debian 13 root behind this broker, started on first use.
	 * @return the running node
	 */
	public synchronized RabbitNode node() {
		if (this == HOST) {
			throw new IllegalStateException("the host's broker is not a node of the tests");
		}
		if (this.failure != null) {
			throw new IllegalStateException(this + " did not start", this.failure);
		}
		if (this.node == null) {
			try {
				this.node = startNode();
			}
			catch (RuntimeException ex) {
				this.failure = ex;
				throw ex;
			}
		}
		return this.node;
	}

	private RabbitNode startNode() {
		RabbitNode.Builder builder = RabbitNode
			.builder("oslo4j-interop-" + name().toLowerCase().replace('_', '-'), this.port)
			.debian13();
		Path definitions = builder.directory().resolve("definitions.json");
		List<String> virtualHosts = new ArrayList<>();
		for (InteropMode mode : InteropMode.values()) {
			virtualHosts.add(mode.virtualHost());
		}
		builder.prepare((directory) -> write(definitions, definitions(virtualHosts, true)))
			.config("load_definitions = " + builder.nodePath(definitions));
		if (this.strict) {
			builder.config(STRICT);
		}
		return builder.start();
	}

	// the host's base URL ending with '/', whatever virtual host the test broker URL has
	private static String hostBase() {
		String url = TestBroker.url();
		int path = url.indexOf('/', url.indexOf("://") + 3);
		return (path < 0) ? url + "/" : url.substring(0, path + 1);
	}

	private void importOnHost(String virtualHost) {
		if (!this.deleteAtExit) {
			Runtime.getRuntime().addShutdownHook(new Thread(this::deleteHostVirtualHosts, "delete-interop-vhosts"));
			this.deleteAtExit = true;
		}
		try {
			// readable by rabbitmqctl, which runs as the rabbitmq user
			Path file = Files.createTempFile("oslo4j-interop-vhost-", ".json",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
			try {
				write(file, definitions(List.of(virtualHost), false));
				TestBroker.rabbitmqctl("import_definitions", file.toString());
				this.virtualHosts.add(virtualHost);
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot make the virtual host " + virtualHost + " on the host's RabbitMQ",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void deleteHostVirtualHosts() {
		for (String name : this.virtualHosts) {
			try {
				TestBroker.rabbitmqctl("delete_vhost", name);
			}
			catch (IOException | InterruptedException ex) {
				System.err.println("could not delete the virtual host " + name + ": " + ex.getMessage());
			}
		}
	}

	// virtual hosts with guest's permissions (and, for a node's first boot, guest itself)
	private static String definitions(List<String> names, boolean boot) {
		List<Map<String, Object>> vhosts = new ArrayList<>();
		List<Map<String, Object>> permissions = new ArrayList<>();
		for (String name : names) {
			vhosts.add(Map.of("name", name));
			permissions.add(Map.of("user", "guest", "vhost", name, "configure", ".*", "write", ".*", "read", ".*"));
		}
		Map<String, Object> definitions = new LinkedHashMap<>();
		if (boot) {
			definitions.put("users", List.of(Map.of("name", "guest", "password_hash", passwordHash("guest"),
					"hashing_algorithm", "rabbit_password_hashing_sha256", "tags", List.of("administrator"))));
		}
		definitions.put("vhosts", vhosts);
		definitions.put("permissions", permissions);
		return PythonOslo.json().writeValueAsString(definitions);
	}

	// RabbitMQ's salted SHA-256: base64(salt + sha256(salt + password))
	private static String passwordHash(String password) {
		byte[] salt = new byte[4];
		new SecureRandom().nextBytes(salt);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(salt);
			byte[] hash = digest.digest(password.getBytes(StandardCharsets.UTF_8));
			byte[] salted = new byte[salt.length + hash.length];
			System.arraycopy(salt, 0, salted, 0, salt.length);
			System.arraycopy(hash, 0, salted, salt.length, hash.length);
			return Base64.getEncoder().encodeToString(salted);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return this.description;
	}

}
