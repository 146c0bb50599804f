package io.oslo4j.rpc.boot.security.endpoints;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.annotation.RpcEndpoint;

/**
 * A plain endpoint declared with a plain {@code @Bean}: Spring infers {@code close} or
 * {@code shutdown} as its destroy method, so neither is an RPC method.
 */
@RpcEndpoint(namespace = "inferred")
public class ShutdownEndpoint {

	public final List<String> ran = new CopyOnWriteArrayList<>();

	public String echo(String value) {
		return value;
	}

	public void shutdown() {
		this.ran.add("shutdown");
	}

	public void close() {
		this.ran.add("close");
	}

}
