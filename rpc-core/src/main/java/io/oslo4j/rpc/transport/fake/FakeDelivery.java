package io.oslo4j.rpc.transport.fake;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.oslo4j.rpc.transport.IncomingMessage;
import org.jspecify.annotations.Nullable;

/**
 * A message handed to a consumer and not yet settled (RabbitMQ's "unacked"). The first
 * {@link #ack()} or {@link #reject(boolean)} wins; later calls do nothing. Its body is a
 * copy of the queued message's, made on first use, so that a handler writing into it
 * changes neither a redelivery nor another queue's copy.
 */
final class FakeDelivery implements IncomingMessage {

	private static final VarHandle SETTLED;

	static {
		try {
			SETTLED = MethodHandles.lookup().findVarHandle(FakeDelivery.class, "settled", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final FakeQueue queue;

	private final FakeMessage message;

	private volatile boolean settled;

	private volatile byte @Nullable [] body;

	FakeDelivery(FakeQueue queue, FakeMessage message) {
		this.queue = queue;
		this.message = message;
	}

	@Override
	public byte[] body() {
		byte[] body = this.body;
		if (body == null) {
			body = this.message.body().clone();
			this.body = body;
		}
		return body;
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
	public boolean ack() {
		return SETTLED.compareAndSet(this, false, true);
	}

	@Override
	public void reject(boolean requeue) {
		if (SETTLED.compareAndSet(this, false, true) && requeue) {
			this.queue.requeue(this.message);
		}
	}

	boolean isSettled() {
		return this.settled;
	}

	boolean isExpired() {
		return this.message.isExpired();
	}

	@Override
	public String toString() {
		return "FakeDelivery[queue=" + this.queue.name() + ", redelivered=" + this.message.redelivered() + "]";
	}

}
