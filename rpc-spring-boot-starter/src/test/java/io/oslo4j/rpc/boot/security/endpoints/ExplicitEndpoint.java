package io.oslo4j.rpc.boot.security.endpoints;

import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.annotation.RpcMethod;
import io.oslo4j.rpc.security.FrameworkMethodsEndpoint;

import org.springframework.transaction.annotation.Transactional;

/**
 * Framework overrides, annotated callbacks and public methods of its own on a bean that a
 * {@code @Transactional} class proxy serves, of which only {@code store_value} is exposed
 * with {@code @RpcMethod}.
 */
@RpcEndpoint(namespace = "explicit")
public class ExplicitEndpoint extends FrameworkMethodsEndpoint {

	@RpcMethod("store_value")
	@Transactional
	public String storeValue(String value) {
		this.ran.add("storeValue");
		return "stored " + value;
	}

	public String purgeAll() {
		this.ran.add("purgeAll");
		return "purged";
	}

}
