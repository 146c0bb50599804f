package io.oslo4j.rpc.boot.autoconfigure.scan.badmethod;

import io.oslo4j.rpc.annotation.RpcClient;
import io.oslo4j.rpc.annotation.RpcFanout;

@RpcClient("bad")
public interface BadFanoutClient {

	@RpcFanout
	int refresh();

}
