package io.oslo4j.rpc.reliability;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.oslo4j.rpc.test.RabbitNode;

/**
 * What the fault tests count before and after a fault: this JVM's threads, grouped by
 * name with the numbers taken out, and the channels, connections and consumers a RabbitMQ
 * node has.
 */
final class NodeResources {

	private static final Set<String> IGNORED_PREFIXES = Set.of("load-", "main", "junit", "surefire", "awaitility",
			"ForkJoinPool", "process reaper", "Attach Listener", "Reference Handler", "Finalizer", "Signal Dispatcher",
			"Common-Cleaner", "Notification Thread", "stop-", "Timer-", "crash-",
			// the JDK's one shared timer of CompletableFuture.delayedExecutor (reply
			// retries)
			"CompletableFutureDelayScheduler");

	private NodeResources() {
	}

	/**
	 * Returns the live threads of this JVM (except the JVM's, JUnit's and the load's own)
	 * counted by name, each digit run replaced by {@code #}.
	 * @return the counts by name pattern
	 */
	static Map<String, Integer> threads() {
		Map<String, Integer> counts = new TreeMap<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			String name = thread.getName();
			if (!thread.isAlive() || IGNORED_PREFIXES.stream().anyMatch(name::startsWith)) {
				continue;
			}
			counts.merge(name.replaceAll("\\d+", "#"), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * Returns the channels open on a node: in all, those with consumers, and the most
	 * channels without consumers that one connection has (idle channels in the client's
	 * cache, or leaked ones).
	 * @param node the node
	 * @return the channel counts
	 */
	static Channels channels(RabbitNode node) {
		Map<String, Integer> idleByConnection = new TreeMap<>();
		int total = 0;
		int consuming = 0;
		for (String line : node.ctl("list_channels", "--silent", "connection", "consumer_count").split("\n")) {
			String[] fields = line.trim().split("\t");
			if (fields.length != 2) {
				continue;
			}
			total++;
			if (Integer.parseInt(fields[1].trim()) > 0) {
				consuming++;
			}
			else {
				idleByConnection.merge(fields[0], 1, Integer::sum);
			}
		}
		return new Channels(total, consuming,
				idleByConnection.values().stream().mapToInt(Integer::intValue).max().orElse(0));
	}

	/**
	 * Returns how many client connections a node has.
	 * @param node the node
	 * @return the connection count
	 */
	static int connections(RabbitNode node) {
		return lines(node.ctl("list_connections", "--silent", "pid"));
	}

	/**
	 * Returns the queues of a node and their consumer counts.
	 * @param node the node
	 * @return consumers by queue name
	 */
	static Map<String, Integer> consumersByQueue(RabbitNode node) {
		Map<String, Integer> consumers = new TreeMap<>();
		for (String line : node.ctl("list_queues", "--silent", "name", "consumers").split("\n")) {
			String[] fields = line.trim().split("\t");
			if (fields.length == 2) {
				consumers.put(fields[0], Integer.parseInt(fields[1].trim()));
			}
		}
		return consumers;
	}

	/**
	 * The channels of a node.
	 *
	 * @param total all channels
	 * @param consuming channels with at least one consumer
	 * @param mostIdlePerConnection the most channels without consumers on one connection
	 */
	record Channels(int total, int consuming, int mostIdlePerConnection) {

		@Override
		public String toString() {
			return this.total + " (" + this.consuming + " consuming, at most " + this.mostIdlePerConnection
					+ " idle per connection)";
		}

	}

	private static int lines(String output) {
		return (int) output.lines().filter((line) -> !line.isBlank()).count();
	}

}
