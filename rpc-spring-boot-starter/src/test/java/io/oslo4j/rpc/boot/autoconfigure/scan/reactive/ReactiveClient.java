package io.oslo4j.rpc.boot.autoconfigure.scan.reactive;

import java.util.concurrent.Flow;

import io.oslo4j.rpc.annotation.RpcClient;

@RpcClient("reactive")
public interface ReactiveClient {

	String ping();

	Flow.Publisher<String> instances();

}
