package io.oslo4j.sample;

import io.oslo4j.rpc.annotation.RpcClient;
import io.oslo4j.rpc.annotation.RpcFanout;

/**
 * The control endpoint as seen by a client: namespace {@code control}, version 1.0, topic
 * {@code rpc.clients.control.topic}.
 */
@RpcClient(value = "control", namespace = "control", version = "1.0")
public interface ControlClient {

	String ping();

	@RpcFanout
	void refresh();

	long refreshes();

}
