package io.oslo4j.rpc.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.awaitility.Awaitility;

/**
 * A raw amqp-client peer: publishes hand-made oslo messages and captures what arrives on
 * a queue, bypassing oslo4j entirely.
 */
final class RawAmqp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{32}");

	private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {
	};

	private RawAmqp() {
	}

	/**
	 * Python's publish properties for a request: JSON, persistent, priority 0, no
	 * headers.
	 */
	static AMQP.BasicProperties.Builder osloProperties() {
		return new AMQP.BasicProperties.Builder().contentType("application/json")
			.contentEncoding("utf-8")
			.deliveryMode(2)
			.priority(0)
			.headers(Map.of());
	}

	static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** Wraps an inner message in the 2.0 envelope. */
	static String envelope(String version, Map<String, ?> inner) {
		Map<String, Object> outer = new LinkedHashMap<>();
		outer.put("oslo.version", version);
		outer.put("oslo.message", JSON.writeValueAsString(inner));
		return JSON.writeValueAsString(outer);
	}

	static LinkedHashMap<String, @Nullable Object> parse(String json) {
		return JSON.readValue(json, MAP);
	}

	/** Replaces 32-hex ids (message, unique, reply queue and fanout queue ids). */
	static String withoutIds(String text) {
		return HEX_ID.matcher(text).replaceAll("<id>");
	}

	static void publish(Channel channel, String exchange, String routingKey, AMQP.@Nullable BasicProperties properties,
			String body) {
		try {
			channel.basicPublish(exchange, routingKey, properties, body.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One captured delivery. */
	record Delivery(String exchange, String routingKey, boolean redelivered, AMQP.BasicProperties properties,
			String body) {

		Map<String, @Nullable Object> json() {
			return parse(this.body);
		}

		/** The inner message of an enveloped body, or the body itself. */
		Map<String, @Nullable Object> inner() {
			Map<String, @Nullable Object> json = json();
			return (json.get("oslo.message") instanceof String inner) ? parse(inner) : json;
		}

		/** The properties that matter on the wire, in a comparable form. */
		Map<String, @Nullable Object> propertyMap() {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			AMQP.BasicProperties p = this.properties;
			map.put("content_type", p.getContentType());
			map.put("content_encoding", p.getContentEncoding());
			map.put("delivery_mode", p.getDeliveryMode());
			map.put("priority", p.getPriority());
			map.put("headers", (p.getHeaders() != null) ? Map.copyOf(p.getHeaders()) : null);
			map.put("expiration", p.getExpiration());
			map.put("message_id", p.getMessageId());
			map.put("correlation_id", p.getCorrelationId());
			map.put("reply_to", p.getReplyTo());
			map.put("timestamp", p.getTimestamp());
			map.put("type", p.getType());
			map.put("app_id", p.getAppId());
			map.put("user_id", p.getUserId());
			return map;
		}

	}

	/** A consumer on one queue (auto-ack) that keeps every delivery. */
	static final class Capture {

		final String queue;

		final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

		Capture(Connection connection, String queue) {
			this.queue = queue;
			try {
				Channel channel = connection.createChannel();
				channel.basicConsume(queue, true, new DefaultConsumer(channel) {
					@Override
					public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
							byte[] body) {
						Capture.this.deliveries.add(new Delivery(envelope.getExchange(), envelope.getRoutingKey(),
								envelope.isRedeliver(), properties, new String(body, StandardCharsets.UTF_8)));
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		List<Delivery> awaitDeliveries(Predicate<Delivery> filter, int count, Duration timeout) {
			List<Delivery> matching = new ArrayList<>();
			Awaitility.await().atMost(timeout).until(() -> {
				matching.clear();
				this.deliveries.stream().filter(filter).forEach(matching::add);
				return matching.size() >= count;
			});
			return matching;
		}

		List<Delivery> replies(String msgId) {
			return this.deliveries.stream().filter((d) -> msgId.equals(d.inner().get("_msg_id"))).toList();
		}

	}

}
