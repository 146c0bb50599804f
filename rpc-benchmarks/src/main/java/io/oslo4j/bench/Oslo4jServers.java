package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.List;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;

/**
 * Three oslo4j servers ({@code s1}, {@code s2}, {@code s3}) on one topic, with their own
 * transport, serving {@link BenchEndpoint}.
 */
final class Oslo4jServers implements AutoCloseable {

	static final List<String> NAMES = List.of("s1", "s2", "s3");

	private final Transport transport;

	private final List<RpcServer> servers = new ArrayList<>();

	private final List<BenchEndpoint> endpoints = new ArrayList<>();

	Oslo4jServers(String url, String topic) {
		this(Oslo4jMode.standard(url), topic, RpcServerOptions.defaults().executorThreads());
	}

	/**
	 * Starts the servers.
	 * @param mode how they use the broker
	 * @param topic the topic
	 * @param executorThreads the workers of each server
	 */
	Oslo4jServers(Oslo4jMode mode, String topic, int executorThreads) {
		this(mode, topic, RpcServerOptions.defaults().withExecutorThreads(executorThreads));
	}

	/**
	 * Starts the servers.
	 * @param mode how they use the broker
	 * @param topic the topic
	 * @param options the options of each server
	 */
	Oslo4jServers(Oslo4jMode mode, String topic, RpcServerOptions options) {
		this.transport = mode.transport();
		try {
			for (String name : NAMES) {
				BenchEndpoint endpoint = new BenchEndpoint();
				this.endpoints.add(endpoint);
				this.servers.add(new RpcServer(this.transport, Target.server(topic, name),
						List.of(Endpoint.of(endpoint)), options)
					.start());
			}
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/** Returns the endpoint of {@code s1}, the server that takes the calls. */
	BenchEndpoint first() {
		return this.endpoints.get(0);
	}

	/**
	 * Returns the queues the servers of a topic (oslo4j's or Python's) leave on the
	 * broker: {@code T} and {@code T.S}, which oslo keeps, and the fanout stream
	 * {@code T_fanout} that the servers share in stream mode (in the default mode each
	 * server deletes its own fanout queue when it stops, and there is no {@code T_fanout}
	 * queue).
	 * @param topic the topic
	 * @return the queue names
	 */
	static List<String> queues(String topic) {
		List<String> queues = new ArrayList<>(List.of(topic));
		NAMES.forEach((name) -> queues.add(topic + "." + name));
		queues.add(topic + "_fanout");
		return queues;
	}

	@Override
	public void close() {
		this.servers.forEach(RpcServer::close);
		this.transport.close();
	}

}
