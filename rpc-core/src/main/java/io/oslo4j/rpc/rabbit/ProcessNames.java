package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The defaults of oslo's {@code hostname} and {@code processname} options, the parts of
 * queue-manager names, for a JVM. oslo takes {@code socket.gethostname()} and the base
 * name of {@code sys.argv[0]} ({@code nova-api}); here the host name is the kernel's (as
 * {@code gethostname}) and the program name is the base name of the jar without
 * {@code .jar} ({@code java -jar /srv/inventory-service.jar} gives
 * {@code inventory-service}), else the simple name of the main class. The Spring Boot
 * starter uses {@code spring.application.name} instead when it is set.
 */
final class ProcessNames {

	private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

	private ProcessNames() {
	}

	/**
	 * Returns this host's name, as {@code gethostname()} gives it.
	 * @return the host name, {@code localhost} when it cannot be found
	 */
	static String hostname() {
		try {
			String name = Files.readString(KERNEL_HOSTNAME).trim();
			if (!name.isEmpty()) {
				return name;
			}
		}
		catch (IOException | SecurityException ex) {
			// not Linux: ask the resolver
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "localhost";
		}
	}

	/**
	 * Returns the program's name: the jar's base name without {@code .jar}, or the main
	 * class's simple name.
	 * @return the program name, {@code java} when the JVM does not say
	 */
	static String processname() {
		return fromCommand(System.getProperty("sun.java.command", ""));
	}

	/**
	 * Returns the program name in a {@code sun.java.command} value.
	 * @param command the main class or jar, then the program's arguments
	 * @return the program name
	 */
	static String fromCommand(String command) {
		String main = command.strip().split("\\s+", 2)[0];
		if (main.isEmpty()) {
			return "java";
		}
		if (main.endsWith(".jar")) {
			String file = main.substring(Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\')) + 1);
			return file.substring(0, file.length() - ".jar".length());
		}
		return main.substring(main.lastIndexOf('.') + 1);
	}

}
