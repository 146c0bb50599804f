package io.oslo4j.rpc.boot.autoconfigure.scan.badversion;

import io.oslo4j.rpc.annotation.RpcClient;

@RpcClient(value = "versioned", version = "one")
public interface BadVersionClient {

	void ping();

}
