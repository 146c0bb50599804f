package io.oslo4j.rpc.boot.autoconfigure.scan.onclass;

import io.oslo4j.rpc.annotation.RpcClient;

@RpcClient("oops")
public class NotAnInterfaceClient {

}
