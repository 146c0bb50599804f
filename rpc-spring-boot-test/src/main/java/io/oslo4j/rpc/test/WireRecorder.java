package io.oslo4j.rpc.test;

import java.util.Map;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.observation.RpcKind;
import io.oslo4j.rpc.transport.fake.FakeTap;
import io.oslo4j.rpc.wire.NotificationCodec;
import io.oslo4j.rpc.wire.NotificationMessage;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;

/**
 * Records what is published on an in-memory broker by decoding the published bytes, so
 * the records are what a peer would receive.
 */
final class WireRecorder implements FakeTap {

	private final WireCodec codec;

	private final NotificationCodec notificationCodec;

	private final String controlExchange;

	private final Recordings<RecordedRequest> requests = new Recordings<>();

	private final Recordings<RecordedNotification> notifications = new Recordings<>();

	WireRecorder(WireCodec codec, String controlExchange) {
		this.codec = codec;
		this.notificationCodec = new NotificationCodec(codec.mapper());
		this.controlExchange = controlExchange;
	}

	@Override
	public void sent(Target target, byte[] body) {
		this.requests.add(toRecord(withExchange(target), this.codec.decodeRequest(body)));
	}

	/**
	 * Returns the record of a decoded request.
	 * @param target where it was sent, with its exchange
	 * @param request the request
	 * @return the record
	 */
	static RecordedRequest toRecord(Target target, RequestMessage request) {
		RpcKind kind = target.fanout() ? RpcKind.FANOUT : request.isCall() ? RpcKind.CALL : RpcKind.CAST;
		String method = (request.method() != null) ? request.method() : "";
		return new RecordedRequest(kind, withMessageFields(target, request), method, jsonObject(request.args()),
				request.context());
	}

	@Override
	public void notified(Target target, String priority, byte[] body) {
		NotificationMessage message = this.notificationCodec.decode(body);
		this.notifications.add(new RecordedNotification(withExchange(target), priority, message.eventType(),
				message.publisherId(), message.payload(), message.context()));
	}

	Recordings<RecordedRequest> requests() {
		return this.requests;
	}

	Recordings<RecordedNotification> notifications() {
		return this.notifications;
	}

	void clear() {
		this.requests.clear();
		this.notifications.clear();
	}

	private Target withExchange(Target target) {
		return (target.exchange() != null) ? target : target.withExchange(this.controlExchange);
	}

	private static Target withMessageFields(Target target, RequestMessage request) {
		Target result = target;
		if (request.namespace() instanceof String namespace) {
			result = result.withNamespace(namespace);
		}
		if (request.version() instanceof String version) {
			try {
				result = result.withVersion(version);
			}
			catch (IllegalArgumentException ex) {
				// not a version: the record keeps the target as sent
			}
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> jsonObject(@Nullable Object args) {
		return (args instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : Map.of();
	}

}
