package io.oslo4j.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.AsyncRabbitTemplate;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.adapter.MessageListenerAdapter;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * Idiomatic Spring AMQP for objects: the client sends the call's keyword arguments
 * ({@link Payload#args()}, the map oslo4j sends) with
 * {@link RabbitTemplate#convertSendAndReceive(String, String, Object)} (direct reply-to),
 * {@link AsyncRabbitTemplate#convertSendAndReceive(String, String, Object)} and
 * {@code convertAndSend} on the confirming template, every template converting with
 * Spring AMQP's Jackson 3 {@link JacksonJsonMessageConverter}; the server is a
 * {@link MessageListenerAdapter} with the same converter whose delegate takes the map and
 * returns it. Each call encodes and decodes JSON four times, as an oslo call does. The
 * converter sets {@code application/json}, UTF-8 and Spring's defaults (persistent,
 * priority 0), and adds its {@code __TypeId__} headers.
 */
final class SpringJsonSystem extends AbstractSpringSystem {

	SpringJsonSystem(String url) {
		this(url, new JacksonJsonMessageConverter());
	}

	private SpringJsonSystem(String url, MessageConverter converter) {
		super(url, "bench_springjson_", converter, new Server(converter));
	}

	@Override
	public String id() {
		return Systems.SPRING_JSON;
	}

	@Override
	public void call(Payload payload) {
		requireReply(rabbit().convertSendAndReceive(Broker.EXCHANGE, callRoutingKey(), payload.args()));
	}

	@Override
	public CompletableFuture<?> callAsync(Payload payload) {
		return async().convertSendAndReceive(Broker.EXCHANGE, callRoutingKey(), payload.args());
	}

	@Override
	public void cast(Payload payload) {
		sendConfirmed(Broker.EXCHANGE, callRoutingKey(), payload.args(), null);
	}

	@Override
	public void fanoutCast(Payload payload) {
		sendConfirmed(fanoutExchange(), "", payload.args(), null);
	}

	/**
	 * The server of {@code topic.s1}: a call (a message with a reply-to) goes to
	 * {@link Echo#handleMessage}, whose result is the reply; a cast, which has no
	 * reply-to to answer, goes to {@link Echo#note}.
	 */
	static final class Server extends MessageListenerAdapter {

		Server(MessageConverter converter) {
			super(new Echo(), converter);
		}

		@Override
		protected String getListenerMethodName(Message originalMessage, Object extractedMessage) {
			return (originalMessage.getMessageProperties().getReplyTo() != null) ? ORIGINAL_DEFAULT_LISTENER_METHOD
					: "note";
		}

	}

	/** The server's delegate: echoes a call's arguments, ignores a cast. */
	static final class Echo {

		public Map<String, Object> handleMessage(Map<String, Object> args) {
			return args;
		}

		public void note(Map<String, Object> args) {
		}

	}

}
