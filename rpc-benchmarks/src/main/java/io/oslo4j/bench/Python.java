package io.oslo4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Runs the Python scripts ({@code bench_server.py}, {@code bench_client.py},
 * {@code bench_notify.py}) with an interpreter that has oslo.messaging: the host's, or
 * one in the Debian 13 root (see {@link Debian13Root}), extracting the scripts from the
 * jar where it can read them.
 */
final class Python {

	private static final List<String> SCRIPTS = List.of("bench_server.py", "bench_client.py", "bench_notify.py");

	private final String name;

	private final List<String> command;

	private final String scripts;

	/**
	 * Makes a runner.
	 * @param name the interpreter as shown in messages
	 * @param command the command that starts the interpreter (script and arguments
	 * follow)
	 * @param scripts the directory of the extracted scripts as the interpreter sees it
	 */
	Python(String name, List<String> command, String scripts) {
		this.name = name;
		this.command = List.copyOf(command);
		this.scripts = scripts;
	}

	/**
	 * Returns the runner of a host interpreter, or {@code null} when it cannot import
	 * oslo_messaging.
	 * @param interpreter e.g. {@code /usr/bin/python3}
	 * @return the runner or {@code null}
	 */
	static @Nullable Python find(String interpreter) {
		try {
			evaluate(List.of(interpreter), "import oslo_messaging");
			Path scripts = extractScripts(null);
			return new Python(interpreter, List.of(interpreter), scripts.toString());
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * Runs Python code and returns what it printed.
	 * @param command the command that starts the interpreter
	 * @param code the code ({@code -c})
	 * @return its standard output, trimmed
	 * @throws IOException when it cannot start, exits with an error (the message has its
	 * output) or runs for more than 60 s
	 */
	static String evaluate(List<String> command, String code) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>(command);
		full.addAll(List.of("-c", code));
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException(String.join(" ", command) + " did not answer within 60 s");
		}
		if (process.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + output);
		}
		return output;
	}

	/**
	 * Copies the scripts out of the jar into a new directory, deleted when the JVM ends.
	 * @param parent where to make it, or {@code null} for the temporary directory
	 * @return the directory
	 */
	static Path extractScripts(@Nullable Path parent) throws IOException {
		Path scripts = (parent != null) ? Files.createTempDirectory(parent, "oslo4j-bench")
				: Files.createTempDirectory("oslo4j-bench");
		scripts.toFile().deleteOnExit();
		for (String name : SCRIPTS) {
			try (InputStream in = Python.class.getResourceAsStream("/python/" + name)) {
				if (in == null) {
					throw new IOException("/python/" + name + " is missing from the classpath");
				}
				Files.copy(in, scripts.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			}
			scripts.resolve(name).toFile().deleteOnExit();
		}
		return scripts;
	}

	/** Returns the interpreter as shown in messages. */
	String name() {
		return this.name;
	}

	/**
	 * Starts a server and waits for its READY line.
	 * @param url the broker URL
	 * @param topic the topic
	 * @param server the server name
	 * @return the process
	 */
	Process startServer(String url, String topic, String server) throws IOException {
		Process process = new ProcessBuilder(
				command("bench_server.py", List.of("--url", url, "--topic", topic, "--server", server)))
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (!"READY".equals(line)) {
			process.destroyForcibly();
			throw new IOException("Python server " + server + " (" + this.name + ") did not start (" + line + ")");
		}
		return process;
	}

	/**
	 * Runs the benchmark client to the end.
	 * @param arguments its arguments
	 * @param progress receives its {@code PROGRESS} lines
	 * @return its JSON output
	 */
	String runClient(List<String> arguments, Consumer<String> progress) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command("bench_client.py", arguments)).start();
		Thread errors = new Thread(() -> {
			try (BufferedReader err = new BufferedReader(
					new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = err.readLine()) != null) {
					progress.accept(line);
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		}, "python-client-stderr");
		errors.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		errors.join(5000);
		if (process.exitValue() != 0) {
			throw new IOException("Python client (" + this.name + ") exited with " + process.exitValue());
		}
		return output;
	}

	/**
	 * Starts a script, its standard error discarded.
	 * @param script the script's file name
	 * @param arguments its arguments
	 * @return the process
	 */
	Process start(String script, List<String> arguments) throws IOException {
		return new ProcessBuilder(command(script, arguments)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

	private List<String> command(String script, List<String> arguments) {
		List<String> command = new ArrayList<>(this.command);
		command.add(this.scripts + "/" + script);
		command.addAll(arguments);
		return command;
	}

	/**
	 * Stops servers cleanly (SIGTERM), forcibly after 20 s.
	 * @param processes the server processes
	 */
	static void stop(List<Process> processes) {
		processes.forEach(Process::destroy);
		for (Process process : processes) {
			try {
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

}
