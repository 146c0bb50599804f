package io.oslo4j.rpc.boot.autoconfigure.scan.good;

import io.oslo4j.rpc.annotation.RpcClient;

@RpcClient("greeter")
public interface GreeterClient {

	String greet(String name);

}
