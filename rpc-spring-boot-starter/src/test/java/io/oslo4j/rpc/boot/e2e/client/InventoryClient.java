package io.oslo4j.rpc.boot.e2e.client;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.oslo4j.rpc.annotation.RpcCast;
import io.oslo4j.rpc.annotation.RpcClient;
import io.oslo4j.rpc.annotation.RpcFanout;

/**
 * The client side of {@code InventoryEndpoint}; its topic comes from
 * {@code rpc.clients.inventory.topic}, overriding the annotation's.
 */
@RpcClient(value = "inventory", topic = "not-this-one", version = "1.1")
public interface InventoryClient {

	int reserve(String sku, int count);

	CompletableFuture<Integer> reserveAsync(String sku, int count);

	String whoami();

	String slow(String value);

	CompletableFuture<String> slowAsync(String value);

	String serverName();

	Map<String, Object> context();

	int take(String sku);

	int broken(String sku);

	@RpcCast
	void record(String event);

	@RpcFanout
	void refresh(String event);

}
