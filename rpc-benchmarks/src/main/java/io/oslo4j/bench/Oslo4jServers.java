package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.List;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;

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
		this(url, topic, RpcServerOptions.defaults().executorThreads());
	}

	Oslo4jServers(String url, String topic, int executorThreads) {
		this.transport = Transports.create(url);
		RpcServerOptions options = RpcServerOptions.defaults().withExecutorThreads(executorThreads);
		for (String name : NAMES) {
			BenchEndpoint endpoint = new BenchEndpoint();
			this.endpoints.add(endpoint);
			this.servers
				.add(new RpcServer(this.transport, Target.server(topic, name), List.of(Endpoint.of(endpoint)), options)
					.start());
		}
	}

	/** Returns the endpoint of {@code s1}, the server that takes the calls. */
	BenchEndpoint first() {
		return this.endpoints.get(0);
	}

	/** Returns the queues the servers leave on the broker. */
	static List<String> queues(String topic) {
		List<String> queues = new ArrayList<>(List.of(topic));
		NAMES.forEach((name) -> queues.add(topic + "." + name));
		return queues;
	}

	@Override
	public void close() {
		this.servers.forEach(RpcServer::close);
		this.transport.close();
	}

}
