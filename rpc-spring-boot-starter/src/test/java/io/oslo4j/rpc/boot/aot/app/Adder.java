package io.oslo4j.rpc.boot.aot.app;

import io.oslo4j.rpc.RpcContext;

/**
 * The contract {@link AotCalculatorEndpoint} implements: a JDK proxy of the endpoint is
 * served through it.
 */
public interface Adder {

	Sum add(RpcContext ctx, int a, int b);

}
