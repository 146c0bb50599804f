package io.oslo4j.rpc.test.app;

import java.util.List;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcCast;
import io.oslo4j.rpc.annotation.RpcClient;
import io.oslo4j.rpc.annotation.RpcFanout;

/**
 * The inventory service the test application calls, on topic {@code inventory}.
 */
@RpcClient(value = "inventory", version = "1.2")
public interface InventoryClient {

	Item reserve(RpcContext ctx, String sku, int count);

	List<String> skus();

	@RpcCast
	void release(String sku);

	@RpcFanout
	void refresh();

	/**
	 * A reserved item.
	 *
	 * @param sku the stock keeping unit
	 * @param reserved how many were reserved
	 */
	record Item(String sku, int reserved) {
	}

}
