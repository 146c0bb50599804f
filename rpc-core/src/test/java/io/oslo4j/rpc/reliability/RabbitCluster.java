package io.oslo4j.rpc.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.oslo4j.rpc.test.RabbitNode;

/**
 * A RabbitMQ cluster of extra nodes for the failover test: the nodes start in parallel on
 * consecutive ports and join the first one; {@link #close()} stops every node, also when
 * the start failed half way.
 */
final class RabbitCluster implements AutoCloseable {

	private final List<RabbitNode> nodes;

	private RabbitCluster(List<RabbitNode> nodes) {
		this.nodes = nodes;
	}

	/**
	 * Starts the nodes {@code <name>-1…n} on ports {@code firstPort…} and clusters them.
	 * @param name the node name prefix
	 * @param firstPort the AMQP port of the first node
	 * @param size how many nodes
	 * @return the running cluster
	 */
	static RabbitCluster start(String name, int firstPort, int size) {
		return start(name, firstPort, size, UnaryOperator.identity());
	}

	/**
	 * Starts the nodes {@code <name>-1…n} on ports {@code firstPort…}, each built with a
	 * customization (e.g. the Debian 13 root's RabbitMQ with a shared epmd), and clusters
	 * them.
	 * @param name the node name prefix
	 * @param firstPort the AMQP port of the first node
	 * @param size how many nodes
	 * @param customizer applied to every node's builder
	 * @return the running cluster
	 */
	static RabbitCluster start(String name, int firstPort, int size, UnaryOperator<RabbitNode.Builder> customizer) {
		List<CompletableFuture<RabbitNode>> starting = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			int index = i;
			starting.add(CompletableFuture.supplyAsync(
					() -> customizer.apply(RabbitNode.builder(name + "-" + (index + 1), firstPort + index)).start()));
		}
		List<RabbitNode> started = new ArrayList<>();
		RuntimeException failure = null;
		for (CompletableFuture<RabbitNode> node : starting) {
			try {
				started.add(node.join());
			}
			catch (CompletionException ex) {
				failure = (failure != null) ? failure : ex;
			}
		}
		RabbitCluster cluster = new RabbitCluster(started);
		try {
			if (failure != null) {
				throw failure;
			}
			for (RabbitNode node : started.subList(1, started.size())) {
				node.joinCluster(started.get(0));
			}
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	/** Returns the nodes, in port order. */
	List<RabbitNode> nodes() {
		return this.nodes;
	}

	/** Returns a transport URL that lists every node, in order. */
	String url() {
		return "rabbit://" + this.nodes.stream()
			.map((node) -> "guest:guest@127.0.0.1:" + node.port())
			.collect(Collectors.joining(",")) + "/";
	}

	/**
	 * Returns how many client connections each node has (by AMQP port), asked to a
	 * running node.
	 * @param running a node that runs
	 * @return connections by port
	 */
	static Map<Integer, Integer> connectionsByPort(RabbitNode running) {
		Map<Integer, Integer> counts = new TreeMap<>();
		for (String line : running.ctl("list_connections", "--silent", "port").split("\n")) {
			if (!line.isBlank()) {
				counts.merge(Integer.parseInt(line.trim()), 1, Integer::sum);
			}
		}
		return counts;
	}

	@Override
	public void close() {
		for (RabbitNode node : this.nodes) {
			node.close();
		}
	}

}
