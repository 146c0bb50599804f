package io.oslo4j.rpc.security;

import java.time.Duration;
import java.util.List;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportUrl;

/**
 * A running server on a unique topic (server name {@code s1}), with clients for it;
 * {@link #close()} stops it and, on the shared test broker, deletes its topic queues.
 */
final class ServedTopic implements AutoCloseable {

	private final Transport transport;

	private final String topic;

	private final RpcServer server;

	private ServedTopic(Transport transport, String topic, RpcServer server) {
		this.transport = transport;
		this.topic = topic;
		this.server = server;
	}

	static ServedTopic serve(Transport transport, String prefix, Object endpoint) {
		return serve(transport, prefix, endpoint, RpcServerOptions.defaults());
	}

	static ServedTopic serve(Transport transport, String prefix, Object endpoint, RpcServerOptions options) {
		String topic = prefix + "_" + Messages.newId().substring(0, 8);
		RpcServer server = new RpcServer(transport, Target.server(topic, "s1"), List.of(Endpoint.of(endpoint)),
				options);
		return new ServedTopic(transport, topic, server.start());
	}

	String topic() {
		return this.topic;
	}

	RpcServer server() {
		return this.server;
	}

	/** A client of the topic on another (or the same) transport. */
	RpcTemplate client(Transport clientTransport, Duration timeout) {
		return client(clientTransport, ClientOptions.defaults().withTimeout(timeout));
	}

	RpcTemplate client(Transport clientTransport, ClientOptions options) {
		return new RpcTemplate(clientTransport, Target.topic(this.topic), options);
	}

	private boolean onTheSharedBroker() {
		TransportUrl url = this.transport.url();
		return !url.driver().equals("fake") && url.hosts()
			.get(0)
			.effectivePort() == TransportUrl.parse(TestBroker.url()).hosts().get(0).effectivePort();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		finally {
			if (onTheSharedBroker()) {
				BrokerQueues.delete(List.of(this.topic, this.topic + ".s1"));
			}
		}
	}

}
