package io.oslo4j.rpc.boot.actuate;

import io.oslo4j.rpc.annotation.RpcClient;

/**
 * A client of {@link ComputeEndpoint}.
 */
@RpcClient(value = "compute", namespace = "compute_api", version = "2.1")
public interface ComputeClient {

	int buildInstance(String instanceName, String flavor);

}
