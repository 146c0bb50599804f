package io.oslo4j.rpc.boot.notify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.notify.Notification;

/**
 * Records every notification it receives, and separately those of compute instances from
 * compute publishers.
 */
class RecordingListener {

	final List<Notification> all = new CopyOnWriteArrayList<>();

	final List<Map<String, Object>> instances = new CopyOnWriteArrayList<>();

	@RpcNotificationListener
	public void record(Notification notification) {
		this.all.add(notification);
	}

	@RpcNotificationListener(eventType = "compute\\.instance\\.", publisherId = "^compute\\.")
	public void instance(Map<String, Object> payload) {
		this.instances.add(payload);
	}

}
