package io.oslo4j.sample;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcCast;
import io.oslo4j.rpc.annotation.RpcClient;
import org.jspecify.annotations.Nullable;

/**
 * The calculator as seen by a client: topic {@code rpc.clients.calculator.topic} (default
 * {@code sample}), version 1.1.
 */
@RpcClient(value = "calculator", version = "1.1")
public interface CalculatorClient {

	long add(long a, long b);

	@Nullable Object echo(@Nullable Object value);

	String sleep(int seconds);

	void fail(String message);

	Map<String, Object> whoami(RpcContext ctx);

	@RpcCast
	void record(@Nullable Object event);

	List<Object> events();

}
