package io.oslo4j.rpc.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.test.BrokerQueues;

/**
 * The queues the fault tests leave on the shared broker (5672): listed by name prefix
 * with {@code rabbitmqctl}, to find a server's fanout queue and to delete what a test
 * created.
 */
final class SharedBroker {

	private SharedBroker() {
	}

	/**
	 * Returns the queues whose names start with a prefix.
	 * @param prefix the prefix (a test's unique topic)
	 * @return the queue names
	 */
	static List<String> queues(String prefix) {
		try {
			Process process = new ProcessBuilder("rabbitmqctl", "--silent", "list_queues", "name")
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("rabbitmqctl list_queues failed: " + output);
			}
			return output.lines().map(String::trim).filter((name) -> name.startsWith(prefix)).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run rabbitmqctl", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * Deletes every queue whose name starts with a prefix.
	 * @param prefix the prefix (a test's unique topic)
	 */
	static void deleteQueues(String prefix) {
		BrokerQueues.delete(queues(prefix));
	}

}
