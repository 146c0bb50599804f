package io.oslo4j.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Three Python oslo.messaging servers ({@code s1}, {@code s2}, {@code s3}) on one topic,
 * started in parallel.
 */
final class PythonServers implements AutoCloseable {

	private final List<Process> processes = new ArrayList<>();

	PythonServers(Python python, String url, String topic) throws IOException {
		List<CompletableFuture<Process>> starting = new ArrayList<>();
		for (String name : Oslo4jServers.NAMES) {
			starting.add(CompletableFuture.supplyAsync(() -> {
				try {
					return python.startServer(url, topic, name);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex.getMessage(), ex);
				}
			}));
		}
		try {
			for (CompletableFuture<Process> start : starting) {
				this.processes.add(start.join());
			}
		}
		catch (RuntimeException ex) {
			starting.forEach((start) -> start.thenAccept(Process::destroyForcibly));
			throw new IOException("Python servers did not start: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		Python.stop(this.processes);
	}

}
