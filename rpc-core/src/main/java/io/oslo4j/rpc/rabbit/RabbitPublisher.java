package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ReturnListener;
import io.oslo4j.rpc.MessageDeliveryException;
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
 * Publishes oslo messages on the publisher connection, through
 * {@link RabbitTemplate#execute} on a cached channel in SIMPLE confirm mode: publish,
 * then {@code waitForConfirmsOrDie}. The body goes out as given and the properties are
 * exactly kombu's ({@code content_type=application/json}, {@code content_encoding=utf-8},
 * {@code delivery_mode=2}, {@code priority=0}, empty headers, {@code expiration} only
 * when given); {@code basicPublish} is called directly so that Spring adds no header or
 * property of its own.
 * <p>
 * Exchanges are declared on first use (the declared set is forgotten when the publisher
 * connection is re-established). Replies are mandatory: a reply the broker returns is
 * retried every 0.25 s until {@code kombu_missing_consumer_retry_timeout}, then dropped
 * with a warning, and its queue is remembered as obsolete for 60 s, as oslo does.
 */
final class RabbitPublisher implements ConnectionListener {

	private static final Logger logger = LoggerFactory.getLogger(RabbitPublisher.class);

	private static final long REPLY_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private static final int MAX_CACHED_EXPIRATIONS = 64;

	private static final AMQP.BasicProperties PROPERTIES = properties(null);

	private final RabbitTemplate template;

	private final boolean confirm;

	private final long confirmTimeoutMillis;

	private final Duration replyRetryTimeout;

	private final Set<String> declaredExchanges = ConcurrentHashMap.newKeySet();

	private final Map<Long, AMQP.BasicProperties> expiringProperties = new ConcurrentHashMap<>();

	private final ObsoleteReplyQueues obsoleteReplyQueues = new ObsoleteReplyQueues();

	RabbitPublisher(CachingConnectionFactory publisherConnectionFactory, RabbitOptions options) {
		this.template = new RabbitTemplate(publisherConnectionFactory);
		this.confirm = options.confirmPublish();
		this.confirmTimeoutMillis = Math.max(1, options.confirmTimeout().toMillis());
		this.replyRetryTimeout = options.missingConsumerRetryTimeout();
		publisherConnectionFactory.addConnectionListener(this);
	}

	/**
	 * Publishes a request, declaring its exchange first if needed.
	 * @param exchange the exchange (topic or fanout)
	 * @param routingKey the routing key
	 * @param body the body
	 * @param expiration the expiration, or {@code null}
	 * @throws MessageDeliveryException when the broker did not take the message
	 */
	void publish(Exchange exchange, String routingKey, byte[] body, @Nullable Duration expiration) {
		AMQP.BasicProperties properties = (expiration != null) ? expiring(expiration) : PROPERTIES;
		try {
			publishOnce(exchange, exchange.getName(), routingKey, false, properties, body);
		}
		catch (AmqpException ex) {
			if (BrokerErrors.channelReplyCode(ex) == 404) {
				// the exchange went away (an auto-delete fanout exchange): declare it
				// again
				this.declaredExchanges.remove(exchange.getName());
				try {
					publishOnce(exchange, exchange.getName(), routingKey, false, properties, body);
					return;
				}
				catch (AmqpException retryEx) {
					throw failure(exchange.getName(), routingKey, retryEx);
				}
			}
			throw failure(exchange.getName(), routingKey, ex);
		}
	}

	/**
	 * Publishes a reply to the default exchange, mandatory; retries while the broker
	 * returns it, up to the reply retry timeout.
	 * @param replyQueue the reply queue
	 * @param body the body
	 * @throws MessageDeliveryException when the broker did not take the message
	 */
	void reply(String replyQueue, byte[] body) {
		if (this.obsoleteReplyQueues.contains(replyQueue)) {
			logger.info("The reply queue {} doesn't exist (found missing less than 60 seconds ago); "
					+ "dropping the reply", replyQueue);
			return;
		}
		long start = System.nanoTime();
		while (true) {
			boolean delivered;
			try {
				delivered = publishOnce(null, "", replyQueue, true, PROPERTIES, body);
			}
			catch (AmqpException ex) {
				throw failure("", replyQueue, ex);
			}
			if (delivered) {
				return;
			}
			long elapsed = System.nanoTime() - start;
			if (elapsed >= this.replyRetryTimeout.toNanos() || Thread.currentThread().isInterrupted()) {
				logger.warn("The reply failed to send after {} seconds due to a missing queue ({}). Abandoning...",
						TimeUnit.NANOSECONDS.toSeconds(elapsed), replyQueue);
				this.obsoleteReplyQueues.add(replyQueue);
				return;
			}
			LockSupport.parkNanos(Math.min(REPLY_RETRY_NANOS, this.replyRetryTimeout.toNanos() - elapsed));
		}
	}

	/**
	 * Forgets the declared exchanges when a publisher connection is made.
	 */
	@Override
	public void onCreate(Connection connection) {
		this.declaredExchanges.clear();
	}

	@Override
	public void onClose(Connection connection) {
		this.declaredExchanges.clear();
	}

	/**
	 * Publishes once on a cached channel.
	 * @return whether the message was routed (false when a mandatory message came back)
	 */
	private boolean publishOnce(@Nullable Exchange exchange, String exchangeName, String routingKey, boolean mandatory,
			AMQP.BasicProperties properties, byte[] body) {
		Boolean routed = this.template.execute((channel) -> {
			if (exchange != null && !this.declaredExchanges.contains(exchangeName)) {
				declare(channel, exchange);
			}
			ReturnTracker returns = (mandatory && this.confirm) ? new ReturnTracker() : null;
			if (returns != null) {
				channel.addReturnListener(returns);
			}
			try {
				channel.basicPublish(exchangeName, routingKey, mandatory, properties, body);
				if (this.confirm) {
					channel.waitForConfirmsOrDie(this.confirmTimeoutMillis);
				}
			}
			finally {
				if (returns != null) {
					channel.removeReturnListener(returns);
				}
			}
			return returns == null || !returns.returned;
		});
		return routed == null || routed;
	}

	private void declare(Channel channel, Exchange exchange) throws java.io.IOException {
		channel.exchangeDeclare(exchange.getName(), exchange.getType(), exchange.isDurable(), exchange.isAutoDelete(),
				false, null);
		this.declaredExchanges.add(exchange.getName());
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

	private static MessageDeliveryException failure(String exchange, String routingKey, AmqpException ex) {
		String reason = BrokerErrors.describe(ex);
		if (ex instanceof org.springframework.amqp.AmqpTimeoutException) {
			reason = "no publisher confirm within the confirm timeout (" + reason + ")";
		}
		else if (reason.contains("nacks received")) {
			reason = "the broker refused the message (basic.nack)";
		}
		return new MessageDeliveryException("Failed to publish a message to exchange '" + exchange
				+ "' with routing key '" + routingKey + "': " + reason, ex);
	}

	/** Records a {@code basic.return}; it arrives before the confirm of the message. */
	private static final class ReturnTracker implements ReturnListener {

		private volatile boolean returned;

		@Override
		public void handleReturn(int replyCode, String replyText, String exchange, String routingKey,
				AMQP.BasicProperties properties, byte[] body) {
			this.returned = true;
		}

	}

}
