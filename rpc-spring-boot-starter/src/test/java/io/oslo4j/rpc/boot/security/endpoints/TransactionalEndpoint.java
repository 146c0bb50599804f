package io.oslo4j.rpc.boot.security.endpoints;

import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.security.FrameworkMethodsEndpoint;

import org.springframework.transaction.annotation.Transactional;

/**
 * Framework overrides and annotated callbacks on a bean that a {@code @Transactional}
 * class proxy serves.
 */
@RpcEndpoint(namespace = "tx")
public class TransactionalEndpoint extends FrameworkMethodsEndpoint {

	@Transactional
	public String save(String value) {
		return value;
	}

}
