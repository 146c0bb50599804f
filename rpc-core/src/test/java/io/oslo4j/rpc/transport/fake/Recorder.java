package io.oslo4j.rpc.transport.fake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.transport.DeliveryHandler;

/**
 * A handler that records what it receives (body as text, queue, redelivered flag, thread)
 * and then runs an action (by default: ack).
 */
final class Recorder implements DeliveryHandler {

	record Received(String body, String queue, boolean redelivered, Thread thread) {
	}

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Consumer<IncomingMessage> action;

	Recorder() {
		this(IncomingMessage::ack);
	}

	Recorder(Consumer<IncomingMessage> action) {
		this.action = action;
	}

	@Override
	public void onMessage(IncomingMessage message) {
		this.received.add(new Received(text(message), message.queue(), message.redelivered(), Thread.currentThread()));
		this.action.accept(message);
	}

	List<Received> received() {
		return this.received;
	}

	List<String> bodies() {
		return this.received.stream().map(Received::body).toList();
	}

	static String text(IncomingMessage message) {
		return new String(message.body(), StandardCharsets.UTF_8);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
