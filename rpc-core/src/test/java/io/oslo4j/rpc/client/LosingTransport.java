package io.oslo4j.rpc.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.oslo4j.rpc.RpcConnectionLostException;
import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

/**
 * A transport whose next sends fail as a lost connection does (or with another delivery
 * failure), before reaching the transport it wraps; everything else is the wrapped
 * transport's. Counts every send.
 */
final class LosingTransport implements Transport {

	private final Transport delegate;

	final AtomicInteger sends = new AtomicInteger();

	final AtomicInteger toLose = new AtomicInteger();

	volatile boolean refuseInstead;

	LosingTransport(Transport delegate) {
		this.delegate = delegate;
	}

	private @Nullable RpcDeliveryException failure() {
		this.sends.incrementAndGet();
		if (this.toLose.getAndUpdate((n) -> (n == 0) ? 0 : n - 1) == 0) {
			return null;
		}
		return this.refuseInstead ? new RpcDeliveryException("the broker refused the message (basic.nack)")
				: new RpcConnectionLostException("connection lost: Connection reset", null);
	}

	@Override
	public void send(Target target, byte[] body, @Nullable Duration expiration) {
		RpcDeliveryException failure = failure();
		if (failure != null) {
			throw failure;
		}
		this.delegate.send(target, body, expiration);
	}

	@Override
	public CompletableFuture<Void> sendAsync(Target target, byte[] body, @Nullable Duration expiration) {
		RpcDeliveryException failure = failure();
		return (failure != null) ? CompletableFuture.failedFuture(failure)
				: this.delegate.sendAsync(target, body, expiration);
	}

	@Override
	public TransportUrl url() {
		return this.delegate.url();
	}

	@Override
	public String controlExchange() {
		return this.delegate.controlExchange();
	}

	@Override
	public void reply(String replyQueue, byte[] body) {
		this.delegate.reply(replyQueue, body);
	}

	@Override
	public String replyQueue(DeliveryHandler handler) {
		return this.delegate.replyQueue(handler);
	}

	@Override
	public Listener listen(Target target, DeliveryHandler handler) {
		return this.delegate.listen(target, handler);
	}

	@Override
	public <T> T component(Class<T> type, Function<Transport, T> factory) {
		return this.delegate.component(type, factory);
	}

	@Override
	public boolean isConnected() {
		return this.delegate.isConnected();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
