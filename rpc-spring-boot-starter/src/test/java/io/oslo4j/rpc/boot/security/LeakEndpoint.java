package io.oslo4j.rpc.boot.security;

import io.oslo4j.rpc.annotation.RpcEndpoint;

/**
 * The endpoint of the credential test's application.
 */
@RpcEndpoint
public class LeakEndpoint {

	public String echo(String value) {
		return value;
	}

}
