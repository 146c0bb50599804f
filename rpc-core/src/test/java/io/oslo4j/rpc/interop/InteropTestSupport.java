package io.oslo4j.rpc.interop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.interop.PythonOslo.PythonServer;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;

/**
 * Shared plumbing of the interop tests in one {@link InteropCell}: Java servers and
 * transports, Python servers and raw AMQP connections, all closed (in reverse order) and
 * their queues deleted by {@link #close()}.
 */
final class InteropTestSupport implements AutoCloseable {

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private final Set<String> queues = new LinkedHashSet<>();

	private final Map<String, RpcServer> javaServers = new ConcurrentHashMap<>();

	final InteropCell cell;

	final String url;

	/**
	 * Makes the plumbing of stack 1 in oslo's default mode.
	 */
	InteropTestSupport() {
		this(InteropCell.OSLO14_DEFAULT);
	}

	/**
	 * Makes the plumbing of a cell, starting its broker when needed.
	 * @param cell the cell
	 */
	InteropTestSupport(InteropCell cell) {
		this.cell = cell;
		this.url = cell.url();
	}

	static String uniqueTopic(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	<T extends AutoCloseable> T track(T closeable) {
		synchronized (this.closeables) {
			this.closeables.add(closeable);
		}
		return closeable;
	}

	void queues(String... names) {
		synchronized (this.queues) {
			this.queues.addAll(List.of(names));
		}
	}

	Transport transport() {
		return track(Transports.create(this.url));
	}

	/**
	 * Starts a Java server with a {@link JavaInteropEndpoint} and its
	 * {@link JavaInteropEndpoint.Control}, on its own transport.
	 * @param topic the topic
	 * @param server the server name
	 * @return the endpoint
	 */
	JavaInteropEndpoint javaServer(String topic, String server) {
		JavaInteropEndpoint endpoint = new JavaInteropEndpoint(server);
		JavaInteropEndpoint.Control control = new JavaInteropEndpoint.Control(server);
		queues(topic, topic + "." + server, topic + "_fanout");
		Transport transport = transport();
		RpcServer rpcServer = track(new RpcServer(transport, Target.server(topic, server),
				List.of(Endpoint.of(endpoint),
						Endpoint.of(control, JavaInteropEndpoint.Control.class, "control", "1.0")),
				RpcServerOptions.defaults()));
		this.javaServers.put(topic + "." + server, rpcServer);
		rpcServer.start();
		return endpoint;
	}

	RpcServer javaRpcServer(String topic, String server) {
		return this.javaServers.get(topic + "." + server);
	}

	PythonServer pythonServer(String topic, String server, String... options) {
		return pythonServer(this.cell.peer(), topic, server, options);
	}

	/**
	 * Starts a Python server with another peer than the cell's, on the cell's broker and
	 * mode.
	 * @param peer the oslo.messaging to run
	 * @param topic the topic
	 * @param server the server name
	 * @param options extra command line arguments of {@code oslo_server.py}
	 * @return the running server
	 */
	PythonServer pythonServer(OsloPeer peer, String topic, String server, String... options) {
		queues(topic, topic + "." + server, topic + "_fanout");
		return track(PythonOslo.startServer(peer, this.cell.pythonUrl(server), topic, server, options));
	}

	Connection rawConnection() {
		ConnectionFactory factory = BrokerQueues.rawConnectionFactory(this.url);
		try {
			return track(factory.newConnection("oslo4j-interop-raw"));
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws Exception {
		List<AutoCloseable> toClose;
		synchronized (this.closeables) {
			toClose = new ArrayList<>(this.closeables);
			this.closeables.clear();
		}
		Exception failure = null;
		for (int i = toClose.size() - 1; i >= 0; i--) {
			try {
				toClose.get(i).close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = ex;
				}
			}
		}
		Collection<String> names;
		synchronized (this.queues) {
			names = new ArrayList<>(this.queues);
		}
		this.cell.deleteQueues(names);
		if (failure != null) {
			throw failure;
		}
	}

}
