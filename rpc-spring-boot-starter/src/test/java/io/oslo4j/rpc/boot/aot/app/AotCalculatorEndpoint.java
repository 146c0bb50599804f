package io.oslo4j.rpc.boot.aot.app;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;

/**
 * Adds numbers.
 */
@RpcEndpoint(topic = "aotcalc", version = "1.1")
public class AotCalculatorEndpoint implements Adder {

	@Override
	public Sum add(RpcContext ctx, int a, int b) {
		return new Sum(a + b, 2);
	}

	/**
	 * Never callable over RPC: oslo keeps names starting with {@code _} private.
	 * @return nothing useful
	 */
	public String _internal() {
		return "internal";
	}

}
