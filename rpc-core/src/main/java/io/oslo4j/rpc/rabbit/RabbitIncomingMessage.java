package io.oslo4j.rpc.rabbit;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import com.rabbitmq.client.Channel;
import io.oslo4j.rpc.transport.IncomingMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A delivery from a listener container as an {@link IncomingMessage}. The first
 * {@link #ack()} or {@link #reject(boolean)} settles it on the delivery's channel; later
 * calls are ignored. Settling on a channel that has closed in between (the connection was
 * lost) is logged and ignored: the broker redelivers the message.
 */
final class RabbitIncomingMessage implements IncomingMessage {

	private static final Logger logger = LoggerFactory.getLogger(RabbitIncomingMessage.class);

	private static final AtomicIntegerFieldUpdater<RabbitIncomingMessage> SETTLED = AtomicIntegerFieldUpdater
		.newUpdater(RabbitIncomingMessage.class, "settled");

	private final Channel channel;

	private final long deliveryTag;

	private final byte[] body;

	private final @Nullable String contentType;

	private final @Nullable String contentEncoding;

	private final String queue;

	private final boolean redelivered;

	private volatile int settled;

	RabbitIncomingMessage(Channel channel, long deliveryTag, byte[] body, @Nullable String contentType,
			@Nullable String contentEncoding, String queue, boolean redelivered) {
		this.channel = channel;
		this.deliveryTag = deliveryTag;
		this.body = body;
		this.contentType = contentType;
		this.contentEncoding = contentEncoding;
		this.queue = queue;
		this.redelivered = redelivered;
	}

	@Override
	public byte[] body() {
		return this.body;
	}

	@Override
	public @Nullable String contentType() {
		return this.contentType;
	}

	@Override
	public @Nullable String contentEncoding() {
		return this.contentEncoding;
	}

	@Override
	public String queue() {
		return this.queue;
	}

	@Override
	public boolean redelivered() {
		return this.redelivered;
	}

	@Override
	public boolean ack() {
		if (!SETTLED.compareAndSet(this, 0, 1)) {
			return false;
		}
		try {
			this.channel.basicAck(this.deliveryTag, false);
			return true;
		}
		catch (Exception ex) {
			logger.warn("Failed to ack a message from queue {} (it will be redelivered): {}", this.queue,
					BrokerErrors.describe(ex));
			return false;
		}
	}

	@Override
	public void reject(boolean requeue) {
		if (SETTLED.compareAndSet(this, 0, 1)) {
			try {
				this.channel.basicReject(this.deliveryTag, requeue);
			}
			catch (Exception ex) {
				logger.warn("Failed to reject a message from queue {}: {}", this.queue, BrokerErrors.describe(ex));
			}
		}
	}

	/**
	 * Returns whether the message was acked or rejected.
	 * @return whether it is settled
	 */
	boolean isSettled() {
		return this.settled != 0;
	}

	@Override
	public String toString() {
		return "RabbitIncomingMessage[queue=" + this.queue + ", deliveryTag=" + this.deliveryTag + "]";
	}

}
