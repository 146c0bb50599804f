package io.oslo4j.rpc.transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * A delivery for tests that drive a {@link DeliveryHandler} by hand: a JSON body from
 * queue {@code t}, an ack that succeeds or fails as told, and a record of how it was
 * settled ({@code ack}, {@code reject requeue=…}).
 */
public final class StubDelivery implements IncomingMessage {

	private final byte[] body;

	private final boolean ackSucceeds;

	private final boolean redelivered;

	private final List<String> settlements = new CopyOnWriteArrayList<>();

	/**
	 * Makes a first delivery.
	 * @param body the body
	 * @param ackSucceeds what {@link #ack()} answers
	 */
	public StubDelivery(byte[] body, boolean ackSucceeds) {
		this(body, ackSucceeds, false);
	}

	/**
	 * Makes a delivery.
	 * @param body the body
	 * @param ackSucceeds what {@link #ack()} answers
	 * @param redelivered whether the broker delivered it before
	 */
	public StubDelivery(byte[] body, boolean ackSucceeds, boolean redelivered) {
		this.body = body;
		this.ackSucceeds = ackSucceeds;
		this.redelivered = redelivered;
	}

	/**
	 * Returns how it was settled, in order.
	 * @return {@code ack} and {@code reject requeue=…} entries
	 */
	public List<String> settlements() {
		return this.settlements;
	}

	@Override
	public byte[] body() {
		return this.body;
	}

	@Override
	public @Nullable String contentType() {
		return "application/json";
	}

	@Override
	public @Nullable String contentEncoding() {
		return "utf-8";
	}

	@Override
	public String queue() {
		return "t";
	}

	@Override
	public boolean redelivered() {
		return this.redelivered;
	}

	@Override
	public boolean ack() {
		this.settlements.add("ack");
		return this.ackSucceeds;
	}

	@Override
	public void reject(boolean requeue) {
		this.settlements.add("reject requeue=" + requeue);
	}

}
