package io.oslo4j.rpc.rabbit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.ExchangeTypes;
import org.springframework.amqp.core.Queue;

/**
 * Reads a refused declaration ({@code 406 PRECONDITION_FAILED}) and says what it means
 * for an oslo deployment and which option makes this service declare what the deployment
 * already has. The exchanges and queues oslo services share on a topic must agree on
 * their flags; each mode of oslo.messaging gives them different ones:
 * <ul>
 * <li>the control exchange is durable with {@code rabbit_quorum_queue} or
 * {@code amqp_durable_queues};</li>
 * <li>topic queues are quorum with {@code rabbit_quorum_queue};</li>
 * <li>the {@code <topic>_fanout} exchange is durable with
 * {@code rabbit_transient_quorum_queue} (kolla-ansible 2025.1+, openstack-ansible
 * 2024.1+);</li>
 * <li>the {@code <topic>_fanout} stream's age is
 * {@code rabbit_transient_queues_ttl};</li>
 * <li>RabbitMQ 4.3 refuses transient non-exclusive queues by default, which oslo's
 * default mode declares.</li>
 * </ul>
 */
final class DeclarationAdvice {

	private static final Pattern INEQUIVALENT = Pattern
		.compile("inequivalent arg '([^']+)' for [a-z]+ '[^']*' in vhost '[^']*': received (.+) but current is (.+)");

	private DeclarationAdvice() {
	}

	/**
	 * Returns the exception for a refused declaration.
	 * @param declarable what was declared
	 * @param options the options in effect
	 * @param failure the broker's refusal
	 * @return the exception, naming the object, what the broker said and, when known, the
	 * option to set
	 */
	static DeclarationException failure(Declarable declarable, RabbitOptions options, Throwable failure) {
		// RabbitMQ 4's deprecation texts span lines: keep the message on one
		String reason = BrokerErrors.describe(failure).replaceAll("\\s+", " ").strip();
		return new DeclarationException("Failed to declare " + describe(declarable) + ": " + reason,
				advice(declarable, options, reason), failure);
	}

	/**
	 * Returns which option to set, or {@code null} when the refusal is not a known clash.
	 * @param declarable what was declared
	 * @param options the options in effect
	 * @param reason the broker's text
	 * @return the advice, or {@code null}
	 */
	static @Nullable String advice(Declarable declarable, RabbitOptions options, String reason) {
		if (reason.contains("transient_nonexcl_queues")) {
			return strictBroker(declarable, options);
		}
		Matcher matcher = INEQUIVALENT.matcher(reason);
		if (!matcher.find()) {
			return null;
		}
		String argument = matcher.group(1);
		String current = matcher.group(3);
		boolean currentTrue = current.contains("'true'");
		if (declarable instanceof Exchange exchange) {
			return exchangeAdvice(exchange, argument, currentTrue);
		}
		if (declarable instanceof Queue queue) {
			return queueAdvice(queue, argument, current, currentTrue);
		}
		return null;
	}

	private static String strictBroker(Declarable declarable, RabbitOptions options) {
		String why = "this broker refuses transient (non-durable) non-exclusive queues, as RabbitMQ 4.3 does by "
				+ "default (deprecated_features.permit.transient_nonexcl_queues = false); ";
		if (declarable instanceof Queue queue && isTopicQueue(queue)) {
			return why + "declare durable topic queues: set rabbit_quorum_queue=true (rpc.rabbit.quorum-queues=true)"
					+ (options.transientQuorumQueue() ? ""
							: " and rabbit_transient_quorum_queue=true (rpc.rabbit.transient-quorum-queues=true)");
		}
		return why + "declare reply and fanout queues as quorum queues: set rabbit_transient_quorum_queue=true "
				+ "(rpc.rabbit.transient-quorum-queues=true)"
				+ (options.quorumQueue() ? "" : " and rabbit_quorum_queue=true (rpc.rabbit.quorum-queues=true)");
	}

	private static @Nullable String exchangeAdvice(Exchange exchange, String argument, boolean currentTrue) {
		boolean fanout = ExchangeTypes.FANOUT.equals(exchange.getType());
		String name = "'" + exchange.getName() + "'";
		if ("durable".equals(argument) && fanout) {
			return currentTrue ? "The fanout exchange " + name
					+ " is durable: the services on this topic run oslo.messaging "
					+ "with rabbit_transient_quorum_queue=true (kolla-ansible 2025.1+, openstack-ansible "
					+ "2024.1+); set rabbit_transient_quorum_queue=true (rpc.rabbit.transient-quorum-queues=true)"
					: "The fanout exchange " + name + " is not durable: the services on this topic run without "
							+ "rabbit_transient_quorum_queue; set rabbit_transient_quorum_queue=false and "
							+ "rabbit_stream_fanout=false (rpc.rabbit.transient-quorum-queues=false, "
							+ "rpc.rabbit.stream-fanout=false)";
		}
		if ("durable".equals(argument)) {
			return currentTrue
					? "The exchange " + name + " is durable: the deployment runs rabbit_quorum_queue=true (or "
							+ "amqp_durable_queues=true with classic queues); set rabbit_quorum_queue=true "
							+ "(rpc.rabbit.quorum-queues=true)"
					: "The exchange " + name + " is not durable: the deployment runs neither rabbit_quorum_queue nor "
							+ "amqp_durable_queues; set rabbit_quorum_queue=false and amqp_durable_queues=false "
							+ "(rpc.rabbit.quorum-queues=false, rpc.rabbit.durable-queues=false)";
		}
		if ("auto_delete".equals(argument) && !fanout) {
			return "The exchange " + name + (currentTrue ? " is" : " is not") + " auto-delete; set amqp_auto_delete="
					+ currentTrue;
		}
		return null;
	}

	private static @Nullable String queueAdvice(Queue queue, String argument, String current, boolean currentTrue) {
		String name = "'" + queue.getName() + "'";
		boolean topic = isTopicQueue(queue);
		String current1 = value(current);
		switch (argument) {
			case "x-queue-type" -> {
				if (current1.contains("stream")) {
					return "The queue " + name + " is a stream: the deployment runs rabbit_stream_fanout=true; set "
							+ "rabbit_stream_fanout=true (rpc.rabbit.stream-fanout=true)";
				}
				boolean quorum = current1.contains("quorum");
				return "The queue " + name + " is " + (quorum ? "a quorum queue" : "a classic queue") + ": set "
						+ (topic ? "rabbit_quorum_queue=" + quorum + " (rpc.rabbit.quorum-queues=" + quorum + ")"
								: "rabbit_transient_quorum_queue=" + quorum + " (rpc.rabbit.transient-quorum-queues="
										+ quorum + ")");
			}
			case "durable" -> {
				if (!topic) {
					return "The queue " + name + (currentTrue ? " is durable" : " is not durable")
							+ ": set rabbit_transient_quorum_queue=" + currentTrue
							+ " (rpc.rabbit.transient-quorum-queues=" + currentTrue + ")";
				}
				return currentTrue ? "The queue " + name
						+ " is durable: set rabbit_quorum_queue=true (rpc.rabbit.quorum-queues=true), "
						+ "or amqp_durable_queues=true (rpc.rabbit.durable-queues=true) if it is a classic queue"
						: "The queue " + name + " is not durable: the deployment runs neither rabbit_quorum_queue nor "
								+ "amqp_durable_queues; set rabbit_quorum_queue=false and amqp_durable_queues=false "
								+ "(rpc.rabbit.quorum-queues=false, rpc.rabbit.durable-queues=false)";
			}
			case "x-delivery-limit" -> {
				return limit(name, "rabbit_quorum_delivery_limit", "quorum-delivery-limit", current1);
			}
			case "x-max-in-memory-length" -> {
				return limit(name, "rabbit_quorum_max_memory_length", "quorum-max-memory-length", current1);
			}
			case "x-max-in-memory-bytes" -> {
				return limit(name, "rabbit_quorum_max_memory_bytes", "quorum-max-memory-bytes", current1);
			}
			case "x-expires" -> {
				String seconds = current1.matches("\\d+") ? String.valueOf(Long.parseLong(current1) / 1000) : "0";
				return "The queue " + name + " expires after " + (current1.matches("\\d+") ? current1 + " ms" : "none")
						+ ": set rabbit_transient_queues_ttl=" + seconds + " (rpc.rabbit.transient-queues-ttl="
						+ seconds + "s)";
			}
			case "x-max-age" -> {
				String age = current1.replaceAll("[^0-9]", "");
				String seconds = age.isEmpty() ? "0" : age;
				return "The stream " + name + " keeps messages for " + (age.isEmpty() ? "ever" : current1)
						+ ": set rabbit_transient_queues_ttl=" + seconds + " (rpc.rabbit.transient-queues-ttl="
						+ seconds + "s)";
			}
			default -> {
				return null;
			}
		}
	}

	private static String limit(String name, String option, String property, String current) {
		String value = current.matches("\\d+") ? current : "0";
		return "The queue " + name + " has " + option.replace("rabbit_quorum_", "") + " " + value + ": set " + option
				+ "=" + value + " (rpc.rabbit." + property + "=" + value + ")";
	}

	/**
	 * Returns the value in a broker's "current is ..." text: {@code 'true'},
	 * {@code none}, {@code the value 'quorum' of type 'longstr'},
	 * {@code the value 5 of type 'signedint'}.
	 */
	private static String value(String current) {
		Matcher quoted = Pattern.compile("the value '?([^' ]*)'? of type").matcher(current);
		if (quoted.find()) {
			return quoted.group(1);
		}
		return current.replace("'", "").trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * A topic queue ({@code T}, {@code T.S}, a notification queue): not reply or fanout.
	 */
	private static boolean isTopicQueue(Queue queue) {
		String name = queue.getName();
		return !name.startsWith("reply_") && !name.contains("_fanout");
	}

	/**
	 * Describes a declarable with its flags and arguments.
	 * @param declarable the exchange, queue or binding
	 * @return the description
	 */
	static String describe(Declarable declarable) {
		if (declarable instanceof Exchange exchange) {
			return "exchange '" + exchange.getName() + "' (type=" + exchange.getType() + ", durable="
					+ exchange.isDurable() + ", auto_delete=" + exchange.isAutoDelete() + ")";
		}
		if (declarable instanceof Queue queue) {
			return "queue '" + queue.getName() + "' (durable=" + queue.isDurable() + ", auto_delete="
					+ queue.isAutoDelete() + ", arguments=" + queue.getArguments() + ")";
		}
		Binding binding = (Binding) declarable;
		return "binding of queue '" + binding.getDestination() + "' to exchange '" + binding.getExchange()
				+ "' with key '" + binding.getRoutingKey() + "'";
	}

}
