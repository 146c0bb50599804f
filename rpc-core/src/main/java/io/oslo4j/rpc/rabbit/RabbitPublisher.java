package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import io.oslo4j.rpc.RpcDeliveryException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes oslo messages on the publisher connection. The body goes out as given and the
 * properties are exactly kombu's ({@code content_type=application/json},
 * {@code content_encoding=utf-8}, {@code delivery_mode=2}, {@code priority=0}, empty
 * headers, {@code expiration} only when given); {@code basicPublish} is called directly
 * so that Spring adds no header or property of its own.
 * <ul>
 * <li>Requests, casts and replies go out on a few long-lived channels with pipelined
 * publisher confirms ({@link ConfirmChannels}): a send completes when the broker
 * confirmed its message, and concurrent senders neither take turns on a channel nor open
 * channels.</li>
 * <li>Publishing to an exchange that does not exist closes the channel, failing every
 * publish in flight on it; so messages to an auto-delete exchange (the fanout exchange,
 * which goes away with its last server) go out alone, on a cached channel of
 * {@link RabbitTemplate} in SIMPLE confirm mode, and are published again after declaring
 * the exchange when it was missing.</li>
 * <li>Exchanges are declared on first use (the declared set is forgotten when the
 * publisher connection is re-established, or a channel closed on a missing exchange); an
 * exchange that exists with other flags is used as it is, with a warning.</li>
 * <li>Replies are mandatory and retried while the broker returns them, and on a new
 * connection when theirs was lost before the confirm ({@link RabbitReplies}).</li>
 * </ul>
 */
final class RabbitPublisher implements ConnectionListener, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RabbitPublisher.class);

	private static final int MAX_CACHED_EXPIRATIONS = 64;

	static final AMQP.BasicProperties PROPERTIES = properties(null);

	private final RabbitTemplate template;

	private final ConfirmChannels channels;

	private final ConfirmChannels requestChannels;

	private final boolean confirm;

	private final long confirmTimeoutMillis;

	private final RabbitReplies replies;

	private final PublisherExchanges exchanges;

	private final Map<Long, AMQP.BasicProperties> expiringProperties = new ConcurrentHashMap<>();

	/**
	 * Makes the publisher; nothing is opened yet.
	 * @param publisherConnectionFactory the publisher connection factory
	 * @param options the transport's options
	 * @param requestChannels the channels requests go out on instead of the publisher's
	 * own (the direct reply-to channel, see {@link DirectReplyTo}), or {@code null}
	 */
	RabbitPublisher(CachingConnectionFactory publisherConnectionFactory, RabbitOptions options,
			@Nullable ConfirmChannels requestChannels) {
		this.template = new RabbitTemplate(publisherConnectionFactory);
		this.exchanges = new PublisherExchanges(this.template, options);
		this.confirm = options.confirmPublish();
		this.confirmTimeoutMillis = Math.max(1, options.confirmTimeout().toMillis());
		this.channels = new ConfirmChannels(publisherConnectionFactory,
				Math.min(ConfirmChannels.DEFAULT_CHANNELS, options.connectionPoolSize()), this.confirm,
				options.confirmTimeout(), this::channelClosed);
		this.requestChannels = (requestChannels != null) ? requestChannels : this.channels;
		this.replies = new RabbitReplies(this.channels, options.missingConsumerRetryTimeout());
		publisherConnectionFactory.addConnectionListener(this);
	}

	/**
	 * Publishes a request, declaring its exchange first if needed, and waits for the
	 * confirm.
	 * @param exchange the exchange (topic or fanout)
	 * @param routingKey the routing key
	 * @param body the body
	 * @param expiration the expiration, or {@code null}
	 * @throws RpcDeliveryException when the broker did not take the message
	 */
	void publish(Exchange exchange, String routingKey, byte[] body, @Nullable Duration expiration) {
		try {
			await(publishAsync(exchange, routingKey, body, expiration), exchange.getName(), routingKey);
		}
		catch (RpcDeliveryException ex) {
			if (exchange.isAutoDelete() || BrokerErrors.channelReplyCode(ex) != 404
					|| !BrokerErrors.describe(ex).contains("'" + exchange.getName() + "'")) {
				throw ex;
			}
			// the exchange was deleted behind our back: declare it again
			this.exchanges.forget(exchange.getName());
			await(publishAsync(exchange, routingKey, body, expiration), exchange.getName(), routingKey);
		}
	}

	/**
	 * Publishes a request, declaring its exchange first if needed (on the calling
	 * thread), without waiting for the confirm.
	 * @param exchange the exchange (topic or fanout)
	 * @param routingKey the routing key
	 * @param body the body
	 * @param expiration the expiration, or {@code null}
	 * @return completes when the broker confirmed the message; fails with a
	 * {@link RpcDeliveryException}
	 */
	CompletableFuture<Void> publishAsync(Exchange exchange, String routingKey, byte[] body,
			@Nullable Duration expiration) {
		AMQP.BasicProperties properties = (expiration != null) ? expiring(expiration) : PROPERTIES;
		String name = exchange.getName();
		try {
			if (exchange.isAutoDelete()) {
				publishAlone(exchange, routingKey, properties, body);
				return CompletableFuture.completedFuture(null);
			}
			this.exchanges.declare(exchange);
			return this.requestChannels.publish(name, routingKey, false, properties, body);
		}
		catch (AmqpException | IOException | com.rabbitmq.client.AlreadyClosedException ex) {
			return CompletableFuture.failedFuture(failure(exchange, routingKey, ex));
		}
		catch (RpcDeliveryException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Publishes a reply without waiting for its confirm ({@link RabbitReplies}).
	 * @param replyQueue the reply queue
	 * @param body the body
	 * @return completes when the reply was confirmed or dropped
	 */
	CompletableFuture<Void> replyAsync(String replyQueue, byte[] body) {
		return this.replies.send(replyQueue, body);
	}

	/**
	 * Publishes a reply and waits until it is confirmed or dropped.
	 * @param replyQueue the reply queue
	 * @param body the body
	 * @throws RpcDeliveryException when the broker did not take it
	 */
	void reply(String replyQueue, byte[] body) {
		this.replies.sendAndWait(replyQueue, body);
	}

	/**
	 * Publishes a {@link ReplyQueueCheck}'s message (mandatory, to the default exchange)
	 * without waiting for its confirm.
	 * @param replyQueue the reply queue
	 * @param properties the check's properties
	 * @return the confirm, which tells whether the broker returned the message
	 * @throws IOException when no channel could be opened
	 */
	PublishConfirm replyQueueCheck(String replyQueue, AMQP.BasicProperties properties) throws IOException {
		return this.channels.publish("", replyQueue, true, properties, new byte[0]);
	}

	/**
	 * Forgets the declared exchanges when a publisher connection is made.
	 */
	@Override
	public void onCreate(Connection connection) {
		this.exchanges.forgetAll();
	}

	@Override
	public void onClose(Connection connection) {
		this.exchanges.forgetAll();
	}

	/**
	 * Returns how many publishes wait for the broker's confirm.
	 * @return the count
	 */
	int pendingConfirms() {
		return this.channels.pendingCount();
	}

	/**
	 * Closes the publishing channels; publishes waiting for a confirm fail.
	 */
	@Override
	public void close() {
		this.channels.close();
		this.replies.close();
	}

	private void channelClosed(ShutdownSignalException cause) {
		if (BrokerErrors.channelReplyCode(cause) == 404) {
			// published to a missing exchange: declare every exchange again on next use
			this.exchanges.forgetAll();
		}
	}

	/**
	 * Waits for a confirm.
	 * @throws RpcDeliveryException when the publish failed or no confirm came
	 */
	private void await(CompletableFuture<Void> confirm, String exchange, String routingKey) {
		try {
			confirm.get(this.requestChannels.maxConfirmWaitNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw PublishConfirm.rethrown((ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (TimeoutException ex) {
			throw PublishConfirm.failure(exchange, routingKey,
					"no publisher confirm within the confirm timeout (" + this.confirmTimeoutMillis + " ms)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw PublishConfirm.failure(exchange, routingKey, "interrupted while waiting for the confirm", ex);
		}
	}

	/**
	 * Publishes on a cached channel of its own and waits for the confirm there; when the
	 * exchange is missing, declares it and publishes again.
	 */
	private void publishAlone(Exchange exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
		try {
			publishOnce(exchange, routingKey, properties, body);
		}
		catch (AmqpException ex) {
			if (BrokerErrors.channelReplyCode(ex) != 404) {
				throw failure(exchange, routingKey, ex);
			}
			this.exchanges.forget(exchange.getName());
			try {
				publishOnce(exchange, routingKey, properties, body);
			}
			catch (AmqpException retryEx) {
				throw failure(exchange, routingKey, retryEx);
			}
		}
	}

	private void publishOnce(Exchange exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
		this.exchanges.declare(exchange);
		this.template.execute((cached) -> {
			ConfirmedPublish.onTarget(cached, exchange.getName(), routingKey, properties, body,
					this.confirm ? this.confirmTimeoutMillis : 0);
			return null;
		});
	}

	private AMQP.BasicProperties expiring(Duration expiration) {
		long millis = Math.max(0, expiration.toMillis());
		AMQP.BasicProperties properties = this.expiringProperties.get(millis);
		if (properties == null) {
			properties = properties(String.valueOf(millis));
			if (this.expiringProperties.size() < MAX_CACHED_EXPIRATIONS) {
				this.expiringProperties.put(millis, properties);
			}
		}
		return properties;
	}

	private static AMQP.BasicProperties properties(@Nullable String expiration) {
		return new AMQP.BasicProperties.Builder().contentType("application/json")
			.contentEncoding("utf-8")
			.headers(Map.of())
			.deliveryMode(2)
			.priority(0)
			.expiration(expiration)
			.build();
	}

	private static RpcDeliveryException failure(Exchange exchange, String routingKey, Exception ex) {
		return failure(exchange.getName(), routingKey, ex);
	}

	static RpcDeliveryException failure(String exchange, String routingKey, Exception ex) {
		String reason = BrokerErrors.describe(ex);
		if (ex instanceof org.springframework.amqp.AmqpTimeoutException) {
			reason = "no publisher confirm within the confirm timeout (" + reason + ")";
		}
		else if (reason.contains("nacks received")) {
			reason = "the broker refused the message (basic.nack)";
		}
		return PublishConfirm.failure(exchange, routingKey, reason, ex);
	}

}
