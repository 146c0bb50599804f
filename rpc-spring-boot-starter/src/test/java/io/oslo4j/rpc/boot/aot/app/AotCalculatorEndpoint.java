package io.oslo4j.rpc.boot.aot.app;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;

/**
 * Adds numbers.
 */
@RpcEndpoint(topic = "aotcalc", version = "1.1")
public class AotCalculatorEndpoint {

	public Sum add(RpcContext ctx, int a, int b) {
		return new Sum(a + b, 2);
	}

}
