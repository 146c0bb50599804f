package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ReturnListener;
import com.rabbitmq.client.ShutdownSignalException;
import io.oslo4j.rpc.RpcConnectionLostException;
import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.MessageSizeLimit;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * A client's replies through RabbitMQ's direct reply-to ({@code amq.rabbitmq.reply-to}),
 * oslo4j's {@code rabbit_direct_reply_to} mode: no reply queue is declared. One
 * long-lived channel of the publisher connection consumes the pseudo-queue (a no-ack
 * consumer) and publishes every request of the transport, with publisher confirms: the
 * broker delivers a reply only to the channel that published its request.
 * <ul>
 * <li>The channel's address, {@code amq.rabbitmq.reply-to.<suffix>}, is what requests
 * carry as {@code _reply_q}; oslo servers publish replies to the default exchange with
 * that routing key, as they do for a reply queue. The broker tells it only by rewriting a
 * message's {@code reply_to} property, so when the channel opens one empty mandatory
 * message with {@code reply_to=amq.rabbitmq.reply-to} goes to a routing key no queue has,
 * and the address is read from the {@code basic.return}. Nothing is declared, and nothing
 * per call.</li>
 * <li>The address lives as long as the channel: when it closes (connection lost, broker
 * error), the broker drops the replies still on their way, and the handler is told at
 * once ({@link DeliveryHandler#onQueueLost}) so that the calls waiting fail fast. The
 * next request opens a new channel, with a new address.</li>
 * </ul>
 */
final class DirectReplyTo implements AutoCloseable {

	/** The pseudo-queue consumed. */
	static final String PSEUDO_QUEUE = "amq.rabbitmq.reply-to";

	private static final Logger logger = LoggerFactory.getLogger(DirectReplyTo.class);

	private static final String PROBE_PREFIX = "oslo4j.direct-reply-to.probe.";

	private static final AMQP.BasicProperties PROBE_PROPERTIES = new AMQP.BasicProperties.Builder()
		.replyTo(PSEUDO_QUEUE)
		.headers(Map.of())
		.build();

	private static final int OPEN_ATTEMPTS = 3;

	private final ConfirmChannels channels;

	private final long probeTimeoutNanos;

	private final int maxMessageSize;

	private volatile @Nullable Handlers handlers;

	private volatile @Nullable Address current;

	/**
	 * Makes the reply channel; nothing is opened yet.
	 * @param connectionFactory the publisher connection factory
	 * @param options the transport's options ({@code confirm_publish},
	 * {@code confirm_timeout}, {@code max_message_size})
	 */
	DirectReplyTo(CachingConnectionFactory connectionFactory, RabbitOptions options) {
		this.channels = new ConfirmChannels(connectionFactory, 1, options.confirmPublish(), options.confirmTimeout(),
				(cause) -> {
				}, this::prepare);
		this.probeTimeoutNanos = Math.max(1, options.confirmTimeout().toNanos());
		this.maxMessageSize = options.maxMessageSize();
	}

	/**
	 * Returns the channels requests are published on: the reply channel alone.
	 * @return the channels
	 */
	ConfirmChannels channels() {
		return this.channels;
	}

	/**
	 * Returns the address replies come to, opening the channel if it is not open.
	 * @param handler receives every reply, and is told when the address is lost; the
	 * handler given first is the one used, as for a reply queue
	 * @return the address ({@code amq.rabbitmq.reply-to.<suffix>})
	 * @throws RpcDeliveryException when the channel cannot be opened
	 */
	String address(DeliveryHandler handler) {
		if (this.handlers == null) {
			synchronized (this) {
				if (this.handlers == null) {
					this.handlers = new Handlers(handler, MessageSizeLimit.wrap(handler, this.maxMessageSize));
				}
			}
		}
		RuntimeException failure = null;
		for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
			ConfirmChannel channel;
			try {
				channel = this.channels.channel(0);
			}
			catch (IOException | AmqpException | com.rabbitmq.client.AlreadyClosedException ex) {
				String message = "Cannot open the direct reply-to channel: " + BrokerErrors.describe(ex);
				failure = BrokerErrors.connectionLost(ex) ? new RpcConnectionLostException(message, ex)
						: new RpcDeliveryException(message, ex);
				continue;
			}
			Address address = this.current;
			if (address != null && address.channel() == channel) {
				return address.name();
			}
		}
		throw (failure != null) ? failure : new RpcDeliveryException("The direct reply-to channel closed "
				+ OPEN_ATTEMPTS + " times while opening; check the broker's log for why it closes channels");
	}

	/**
	 * Starts the consumer on a channel just opened and learns its address.
	 */
	private void prepare(ConfirmChannel confirmChannel) throws IOException {
		Channel channel = confirmChannel.channel();
		channel.basicConsume(PSEUDO_QUEUE, true, new Replies(channel));
		String name = probe(confirmChannel);
		Address address = new Address(confirmChannel, name);
		this.current = address;
		channel.addShutdownListener((cause) -> lost(address, cause));
		logger.debug("Receiving replies through direct reply-to at {}", name);
	}

	private String probe(ConfirmChannel confirmChannel) throws IOException {
		Channel channel = confirmChannel.channel();
		String key = PROBE_PREFIX + MessageIds.next();
		CompletableFuture<String> replyTo = new CompletableFuture<>();
		ReturnListener listener = (code, text, exchange, routingKey, properties, body) -> {
			if (key.equals(routingKey)) {
				replyTo.complete(String.valueOf(properties.getReplyTo()));
			}
		};
		channel.addReturnListener(listener);
		try {
			confirmChannel.publish("", key, true, PROBE_PROPERTIES, new byte[0]);
			String name = replyTo.get(this.probeTimeoutNanos, TimeUnit.NANOSECONDS);
			if (!name.startsWith(PSEUDO_QUEUE + ".")) {
				throw new IOException("the broker did not give a direct reply-to address (reply_to came back as '"
						+ name + "'); use a RabbitMQ that supports direct reply-to, or unset rabbit_direct_reply_to");
			}
			return name;
		}
		catch (TimeoutException ex) {
			throw new IOException("the broker returned no direct reply-to address within the confirm timeout ("
					+ TimeUnit.NANOSECONDS.toMillis(this.probeTimeoutNanos) + " ms)", ex);
		}
		catch (ExecutionException ex) {
			throw new IOException(String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for the direct reply-to address", ex);
		}
		finally {
			channel.removeReturnListener(listener);
		}
	}

	private void lost(Address address, ShutdownSignalException cause) {
		if (this.current == address) {
			this.current = null;
		}
		Handlers handlers = this.handlers;
		if (handlers == null) {
			return;
		}
		RpcDeliveryException failure = new RpcDeliveryException(
				"the direct reply-to channel closed (" + BrokerErrors.describe(cause) + ")", cause);
		try {
			handlers.raw().onQueueLost(address.name(), failure);
		}
		catch (RuntimeException ex) {
			logger.warn("The reply handler failed when told that {} was lost", address.name(), ex);
		}
	}

	/**
	 * Closes the channel; its pending publishes fail, and the handler is told that the
	 * address is lost.
	 */
	@Override
	public void close() {
		this.channels.close();
	}

	private record Address(ConfirmChannel channel, String name) {
	}

	private record Handlers(DeliveryHandler raw, DeliveryHandler limited) {
	}

	/** The no-ack consumer of the pseudo-queue. */
	private final class Replies extends DefaultConsumer {

		Replies(Channel channel) {
			super(channel);
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
				byte[] body) {
			Handlers handlers = DirectReplyTo.this.handlers;
			if (handlers == null) {
				logger.debug("Dropping a reply that arrived before any call was made");
				return;
			}
			try {
				handlers.limited()
					.onMessage(new DirectReplyMessage(body, properties.getContentType(),
							properties.getContentEncoding(), PSEUDO_QUEUE));
			}
			catch (RuntimeException ex) {
				logger.warn("The reply handler failed on a reply; dropping it", ex);
			}
		}

	}

}
