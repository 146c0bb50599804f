package io.oslo4j.rpc.boot.security.endpoints;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.annotation.RpcEndpoint;

import org.springframework.transaction.annotation.Transactional;

/**
 * A transactional endpoint (a class proxy) declared with
 * {@code @Bean(initMethod = "openPool", destroyMethod = "teardown")}: both are callbacks,
 * not RPC methods.
 */
@RpcEndpoint(namespace = "pooled")
public class PooledEndpoint {

	public final List<String> ran = new CopyOnWriteArrayList<>();

	@Transactional
	public String echo(String value) {
		return value;
	}

	public void openPool() {
		this.ran.add("openPool");
	}

	public void teardown() {
		this.ran.add("teardown");
	}

}
