package io.oslo4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.wire.MessageIds;

/**
 * An oslo4j client calling {@code echo} on server {@code s1} of a topic, casting
 * {@code note} to it and fanout-casting {@code fan} to all three servers: oslo4j servers
 * in this JVM ({@code rabbit://} or {@code fake://}) or Python servers.
 */
final class Oslo4jSystem implements CallSystem {

	private final String id;

	private final Oslo4jMode mode;

	private final String topic;

	private final Transport transport;

	private final RpcTemplate client;

	private final RpcTemplate fanout;

	private final List<RpcTemplate> perServer = new ArrayList<>();

	private final AutoCloseable servers;

	private Oslo4jSystem(String id, Oslo4jMode mode, String topic, AutoCloseable servers, Duration timeout) {
		this.id = id;
		this.mode = mode;
		this.topic = topic;
		this.servers = servers;
		this.transport = mode.transport();
		RpcTemplate base = new RpcTemplate(this.transport, Target.topic(topic),
				ClientOptions.defaults().withTimeout(timeout));
		this.client = base.prepare((p) -> p.server("s1"));
		this.fanout = base.prepare((p) -> p.fanout(true));
		for (String name : Oslo4jServers.NAMES) {
			this.perServer.add(base.prepare((p) -> p.server(name)));
		}
	}

	/** oslo4j client and three oslo4j servers in this JVM with that many workers each. */
	static Oslo4jSystem withServers(String id, String url, int executorThreads) {
		return withServers(id, Oslo4jMode.standard(url), executorThreads);
	}

	/**
	 * oslo4j client and three oslo4j servers in this JVM, in a mode.
	 * @param id the system id
	 * @param mode how client and servers use the broker
	 * @param executorThreads the workers of each server
	 * @return the system
	 */
	static Oslo4jSystem withServers(String id, Oslo4jMode mode, int executorThreads) {
		return withServers(id, mode, RpcServerOptions.defaults().withExecutorThreads(executorThreads));
	}

	/**
	 * oslo4j client and three oslo4j servers in this JVM, in a mode, with server options.
	 * @param id the system id
	 * @param mode how client and servers use the broker
	 * @param options the options of each server
	 * @return the system
	 */
	static Oslo4jSystem withServers(String id, Oslo4jMode mode, RpcServerOptions options) {
		String topic = "bench_" + id.replace('-', '_') + "_" + MessageIds.next().substring(0, 8);
		Oslo4jServers servers = null;
		try {
			servers = new Oslo4jServers(mode, topic, options);
			return new Oslo4jSystem(id, mode, topic, servers, ClientOptions.DEFAULT_TIMEOUT);
		}
		catch (RuntimeException ex) {
			if (servers != null) {
				servers.close();
			}
			Broker.delete(mode.url(), Oslo4jServers.queues(topic), mode.exchanges(topic));
			throw ex;
		}
	}

	/** oslo4j client calling servers run elsewhere (closed with this system). */
	static Oslo4jSystem toServers(String id, String url, String topic, AutoCloseable servers) {
		return new Oslo4jSystem(id, Oslo4jMode.standard(url), topic, servers, ClientOptions.DEFAULT_TIMEOUT);
	}

	/** oslo4j client with a long timeout for the heap checks. */
	static Oslo4jSystem forMemory(String url, String topic, Oslo4jServers servers) {
		return new Oslo4jSystem("memory", Oslo4jMode.standard(url), topic, servers, Duration.ofMinutes(5));
	}

	@Override
	public String id() {
		return this.id;
	}

	RpcTemplate client() {
		return this.client;
	}

	@Override
	public void call(Payload payload) {
		this.client.call(RpcContext.empty(), "echo", payload.args());
	}

	@Override
	public CompletableFuture<?> callAsync(Payload payload) {
		return this.client.callAsync(RpcContext.empty(), "echo", payload.args(), Object.class);
	}

	@Override
	public void cast(Payload payload) {
		this.client.cast(RpcContext.empty(), "note", payload.args());
	}

	@Override
	public void fanoutCast(Payload payload) {
		this.fanout.cast(RpcContext.empty(), "fan", payload.args());
	}

	@Override
	public long fanoutDeliveries() {
		long total = 0;
		for (RpcTemplate server : this.perServer) {
			total += ((Number) server.call(RpcContext.empty(), "fancount", Map.of())).longValue();
		}
		return total;
	}

	@Override
	public void close() {
		String replyQueue = this.mode.url().startsWith("fake") ? null : this.transport.replyQueue((message) -> {
		});
		this.transport.close();
		try {
			this.servers.close();
		}
		catch (Exception ex) {
			System.err.println("Closing the servers of " + this.id + " failed: " + ex);
		}
		List<String> queues = new ArrayList<>(Oslo4jServers.queues(this.topic));
		if (replyQueue != null) {
			queues.add(replyQueue);
		}
		Broker.delete(this.mode.url(), queues, this.mode.exchanges(this.topic));
	}

}
