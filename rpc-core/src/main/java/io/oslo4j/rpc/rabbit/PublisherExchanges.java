package io.oslo4j.rpc.rabbit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The exchanges the publisher connection has declared: each is declared on first use, and
 * again after the set is forgotten (a new connection, a channel closed on a missing
 * exchange).
 * <p>
 * When the broker refuses a declaration because the exchange exists with other flags
 * (406: the deployment runs another oslo mode, e.g. a durable {@code <topic>_fanout}
 * under {@code rabbit_transient_quorum_queue}), the exchange is used as it is, with a
 * warning that names the option to set: a message to an existing exchange reaches its
 * queues whatever the exchange's flags. (oslo 14.1+ retries non-durable instead, which
 * works one way only.)
 */
final class PublisherExchanges {

	private static final Logger logger = LoggerFactory.getLogger(PublisherExchanges.class);

	private final RabbitTemplate template;

	private final RabbitOptions options;

	private final Set<String> declared = ConcurrentHashMap.newKeySet();

	PublisherExchanges(RabbitTemplate template, RabbitOptions options) {
		this.template = template;
		this.options = options;
	}

	/**
	 * Declares an exchange unless it was declared on this connection, or adopts it when
	 * it exists with other flags.
	 * @param exchange the exchange
	 * @throws AmqpException when the broker refuses it for another reason
	 */
	void declare(Exchange exchange) {
		String name = exchange.getName();
		if (this.declared.contains(name)) {
			return;
		}
		try {
			this.template.execute((channel) -> {
				channel.exchangeDeclare(name, exchange.getType(), exchange.isDurable(), exchange.isAutoDelete(), false,
						null);
				return null;
			});
		}
		catch (AmqpException ex) {
			if (BrokerErrors.channelReplyCode(ex) != 406) {
				throw ex;
			}
			String reason = BrokerErrors.describe(ex);
			String advice = DeclarationAdvice.advice(exchange, this.options, reason);
			logger.warn("Publishing to {} as it exists: {}{}", DeclarationAdvice.describe(exchange), reason,
					(advice != null) ? ". " + advice : "");
		}
		this.declared.add(name);
	}

	/**
	 * Declares an exchange again on its next use (it went missing).
	 * @param name the exchange name
	 */
	void forget(String name) {
		this.declared.remove(name);
	}

	/**
	 * Declares every exchange again on its next use.
	 */
	void forgetAll() {
		this.declared.clear();
	}

}
