package io.oslo4j.rpc.test.app;

import io.oslo4j.rpc.annotation.RpcClient;

/**
 * A billing service on an exchange of its own.
 */
@RpcClient(value = "billing", exchange = "billing-exchange")
public interface BillingClient {

	String invoice(String order);

}
