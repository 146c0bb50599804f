package io.oslo4j.rpc.boot.aot.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.annotation.RpcNotificationListener;

/**
 * Records the instances of the notifications it receives.
 */
public class AotListener {

	private final List<Instance> received = new CopyOnWriteArrayList<>();

	@RpcNotificationListener(eventType = "compute\\.instance\\.create\\.end")
	public void created(Instance payload) {
		this.received.add(payload);
	}

	public List<Instance> received() {
		return this.received;
	}

}
