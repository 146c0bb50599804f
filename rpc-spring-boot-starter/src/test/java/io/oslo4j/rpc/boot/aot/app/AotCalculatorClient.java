package io.oslo4j.rpc.boot.aot.app;

import io.oslo4j.rpc.annotation.RpcClient;

/**
 * Calls {@link AotCalculatorEndpoint}.
 */
@RpcClient(value = "aotcalc", version = "1.1")
public interface AotCalculatorClient {

	Sum add(int a, int b);

}
