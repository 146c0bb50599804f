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
 * Runs the Python scripts ({@code bench_server.py}, {@code bench_client.py}) with the
 * interpreter that has oslo.messaging, extracting them from the jar first.
 */
final class Python {

	private final String interpreter;

	private final Path scripts;

	private Python(String interpreter, Path scripts) {
		this.interpreter = interpreter;
		this.scripts = scripts;
	}

	/**
	 * Returns the Python runner, or {@code null} when the interpreter cannot import
	 * oslo_messaging.
	 * @param interpreter e.g. {@code /usr/bin/python3}
	 * @return the runner or {@code null}
	 */
	static @Nullable Python find(String interpreter) {
		try {
			Process process = new ProcessBuilder(interpreter, "-c", "import oslo_messaging").redirectErrorStream(true)
				.start();
			process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				return null;
			}
			Path scripts = Files.createTempDirectory("oslo4j-bench");
			scripts.toFile().deleteOnExit();
			for (String name : List.of("bench_server.py", "bench_client.py")) {
				try (InputStream in = Python.class.getResourceAsStream("/python/" + name)) {
					Files.copy(in, scripts.resolve(name), StandardCopyOption.REPLACE_EXISTING);
				}
				scripts.resolve(name).toFile().deleteOnExit();
			}
			return new Python(interpreter, scripts);
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
	 * Starts a server and waits for its READY line.
	 * @param url the broker URL
	 * @param topic the topic
	 * @param server the server name
	 * @return the process
	 */
	Process startServer(String url, String topic, String server) throws IOException {
		Process process = new ProcessBuilder(this.interpreter, this.scripts.resolve("bench_server.py").toString(),
				"--url", url, "--topic", topic, "--server", server)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (!"READY".equals(line)) {
			process.destroyForcibly();
			throw new IOException("Python server " + server + " did not start (" + line + ")");
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
		List<String> command = new ArrayList<>(
				List.of(this.interpreter, this.scripts.resolve("bench_client.py").toString()));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).start();
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
			throw new IOException("Python client exited with " + process.exitValue());
		}
		return output;
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
