package io.oslo4j.rpc.transport.fake;

import java.util.concurrent.atomic.AtomicBoolean;

import io.oslo4j.rpc.transport.IncomingMessage;
import org.jspecify.annotations.Nullable;

/**
 * A message handed to a consumer and not yet settled (RabbitMQ's "unacked"). The first
 * {@link #ack()} or {@link #reject(boolean)} wins; later calls do nothing.
 */
final class FakeDelivery implements IncomingMessage {

	private final FakeQueue queue;

	private final FakeMessage message;

	private final AtomicBoolean settled = new AtomicBoolean();

	FakeDelivery(FakeQueue queue, FakeMessage message) {
		this.queue = queue;
		this.message = message;
	}

	@Override
	public byte[] body() {
		return this.message.body().clone();
	}

	@Override
	public @Nullable String contentType() {
		return this.message.contentType();
	}

	@Override
	public @Nullable String contentEncoding() {
		return this.message.contentEncoding();
	}

	@Override
	public String queue() {
		return this.queue.name();
	}

	@Override
	public boolean redelivered() {
		return this.message.redelivered();
	}

	@Override
	public void ack() {
		this.settled.set(true);
	}

	@Override
	public void reject(boolean requeue) {
		if (this.settled.compareAndSet(false, true) && requeue) {
			this.queue.requeue(this.message);
		}
	}

	boolean isSettled() {
		return this.settled.get();
	}

	boolean isExpired() {
		return this.message.isExpired();
	}

	@Override
	public String toString() {
		return "FakeDelivery[queue=" + this.queue.name() + ", redelivered=" + this.message.redelivered() + "]";
	}

}
