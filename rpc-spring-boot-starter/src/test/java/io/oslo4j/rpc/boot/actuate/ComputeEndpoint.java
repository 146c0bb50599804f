package io.oslo4j.rpc.boot.actuate;

import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.annotation.RpcMethod;
import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.annotation.RpcParam;
import io.oslo4j.rpc.notify.NotificationPriority;

/**
 * An endpoint and a notification listener whose wire names differ from their Java names.
 */
@RpcEndpoint(topic = "compute", namespace = "compute_api", version = "2.3")
public class ComputeEndpoint {

	public int buildInstance(RpcContext context, String instanceName, @RpcParam("flavor") String flavorId) {
		return instanceName.length() + flavorId.length();
	}

	@RpcMethod("ping")
	public String healthCheck() {
		return "pong";
	}

	@RpcNotificationListener(topics = "notifications", pool = "audit", eventType = "^compute\\.instance\\.",
			priorities = { NotificationPriority.ERROR, NotificationPriority.INFO })
	public void instanceEvent(Map<String, Object> payload) {
	}

}
