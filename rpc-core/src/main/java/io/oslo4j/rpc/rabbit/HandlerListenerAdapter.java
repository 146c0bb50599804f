package io.oslo4j.rpc.rabbit;

import com.rabbitmq.client.Channel;
import io.oslo4j.rpc.transport.DeliveryHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Feeds the deliveries of a listener container (manual acknowledgement) to a
 * {@link DeliveryHandler}, on the container's consumer thread. A handler that throws
 * never reaches the container: its message is rejected without requeue (unless the
 * handler settled it) and the failure is logged once. With {@code ackAfterHandler} (reply
 * queues) a message the handler left unsettled is acked when it returns, in batches when
 * {@link ReplyAcks} are given. A stream's delivery moves its {@link StreamOffset} on. A
 * message's last delivery before the {@link DeliveryLimit} is counted and logged. A
 * {@link ReplyQueueCheck}'s message on a reply queue is acked and never reaches the
 * handler.
 */
final class HandlerListenerAdapter implements ChannelAwareMessageListener {

	private static final Logger logger = LoggerFactory.getLogger(HandlerListenerAdapter.class);

	private final DeliveryHandler handler;

	private final boolean ackAfterHandler;

	private final @Nullable ReplyAcks acks;

	private final @Nullable StreamOffset streamOffset;

	private final DeliveryLimit deliveryLimit;

	private final @Nullable ReplyQueueCheck replyQueueCheck;

	HandlerListenerAdapter(DeliveryHandler handler, boolean ackAfterHandler, @Nullable ReplyAcks acks,
			@Nullable StreamOffset streamOffset, DeliveryLimit deliveryLimit,
			@Nullable ReplyQueueCheck replyQueueCheck) {
		this.handler = handler;
		this.ackAfterHandler = ackAfterHandler;
		this.acks = acks;
		this.streamOffset = streamOffset;
		this.deliveryLimit = deliveryLimit;
		this.replyQueueCheck = replyQueueCheck;
	}

	@Override
	public void onMessage(Message message, @Nullable Channel channel) {
		if (channel == null) {
			throw new IllegalStateException("a channel is required with manual acknowledgement");
		}
		MessageProperties properties = message.getMessageProperties();
		StreamOffset offset = this.streamOffset;
		if (offset != null) {
			// before the hand-off, as oslo: a consumer restarted from here on resumes
			// after it
			offset.delivered(properties.getHeaders());
		}
		String contentType = properties.getContentType();
		String queue = properties.getConsumerQueue();
		Boolean redelivered = properties.getRedelivered();
		// the broker sets the count on redeliveries; a first delivery's is the
		// publisher's
		if (Boolean.TRUE.equals(redelivered) && properties.getHeaders().containsKey(DeliveryLimit.HEADER)) {
			this.deliveryLimit.check(properties.getHeaders(), String.valueOf(queue),
					channel.getConnection().getServerProperties());
		}
		ReplyQueueCheck check = this.replyQueueCheck;
		if (check != null && ReplyQueueCheck.TYPE.equals(properties.getType())) {
			check.arrived(properties.getMessageId());
			settleCheck(channel, properties.getDeliveryTag());
			return;
		}
		RabbitIncomingMessage incoming = new RabbitIncomingMessage(channel, properties.getDeliveryTag(),
				message.getBody(), RawContentTypeConverter.MISSING.equals(contentType) ? null : contentType,
				properties.getContentEncoding(), (queue != null) ? queue : "", Boolean.TRUE.equals(redelivered));
		try {
			this.handler.onMessage(incoming);
		}
		catch (RuntimeException | Error ex) {
			if (ex instanceof VirtualMachineError) {
				throw ex;
			}
			logger.error("Message handler {} failed on a message from queue {}; rejecting it without requeue",
					this.handler, incoming.queue(), ex);
			incoming.reject(false);
			return;
		}
		if (this.ackAfterHandler) {
			ReplyAcks batched = this.acks;
			if (batched == null) {
				incoming.ack();
			}
			else if (!incoming.isSettled()) {
				batched.handled(channel, properties.getDeliveryTag());
			}
		}
	}

	private void settleCheck(Channel channel, long deliveryTag) {
		ReplyAcks batched = this.acks;
		if (batched != null) {
			batched.handled(channel, deliveryTag);
		}
		else {
			try {
				channel.basicAck(deliveryTag, false);
			}
			catch (java.io.IOException | com.rabbitmq.client.AlreadyClosedException ex) {
				logger.debug("Could not acknowledge a reply queue check: {}", ex.getMessage());
			}
		}
	}

	@Override
	public void onMessage(Message message) {
		throw new UnsupportedOperationException("a channel is required");
	}

}
