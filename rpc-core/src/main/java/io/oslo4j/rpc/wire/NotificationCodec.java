package io.oslo4j.rpc.wire;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.oslo4j.rpc.MalformedMessageException;
import io.oslo4j.rpc.transport.NotificationLayout;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes and decodes oslo notifications: the message is written with Python's
 * {@code json.dumps} format, wrapped in the 2.0 envelope ({@code messagingv2} driver) or
 * sent bare (legacy {@code messaging} driver, format 1.0), with the context as
 * {@code _context_*} keys; or in the layout of oslo's Kafka driver, the context nested
 * ({@link #encodeNested}). Decoding reads both layouts. Thread-safe.
 */
public final class NotificationCodec {

	private static final NotificationCodec DEFAULT = new NotificationCodec(OsloJson.mapper());

	private final ObjectWriter writer;

	private final Envelope envelope;

	/**
	 * Makes a codec writing payloads and context values with the given mapper (build it
	 * from {@link OsloJson#builder()}).
	 * @param mapper the mapper
	 */
	public NotificationCodec(JsonMapper mapper) {
		this.writer = mapper.writer().with(PythonPrettyPrinter.INSTANCE);
		this.envelope = new Envelope(mapper);
	}

	/**
	 * Returns the codec on {@link OsloJson#mapper()}.
	 * @return the default codec
	 */
	public static NotificationCodec defaultCodec() {
		return DEFAULT;
	}

	/**
	 * Encodes a notification.
	 * @param message the notification
	 * @param enveloped {@code true} for the 2.0 envelope ({@code messagingv2}),
	 * {@code false} for the bare 1.0 dict ({@code messaging})
	 * @return the body bytes (ASCII JSON)
	 * @throws WireEncodingException when the payload or a context value cannot be written
	 */
	public byte[] encode(NotificationMessage message, boolean enveloped) {
		String inner = write(message, false);
		return enveloped ? this.envelope.wrap(inner) : inner.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Encodes a notification as oslo's Kafka driver does ({@code pack_message}): the
	 * message keys in oslo's order, then the context as one nested {@code "_context"}
	 * object (always present, {@code {}} when empty), no {@code _unique_id}; always in
	 * the 2.0 envelope.
	 * @param message the notification
	 * @return the body bytes (ASCII JSON)
	 * @throws WireEncodingException when the payload or a context value cannot be written
	 */
	public byte[] encodeNested(NotificationMessage message) {
		return this.envelope.wrap(write(message, true));
	}

	/**
	 * Encodes a notification in a transport's layout.
	 * @param message the notification
	 * @param enveloped whether the notifier's driver asks for the 2.0 envelope (the
	 * nested layout always has it)
	 * @param layout the transport's layout
	 * @return the body bytes (ASCII JSON)
	 * @throws WireEncodingException when the payload or a context value cannot be written
	 */
	public byte[] encode(NotificationMessage message, boolean enveloped, NotificationLayout layout) {
		return (layout == NotificationLayout.NESTED_CONTEXT) ? encodeNested(message) : encode(message, enveloped);
	}

	private String write(NotificationMessage message, boolean nested) {
		StringWriter out = new StringWriter(256);
		try (JsonGenerator g = this.writer.createGenerator(out)) {
			g.writeStartObject();
			g.writeStringProperty("message_id", message.messageId());
			g.writeStringProperty("publisher_id", message.publisherId());
			g.writeStringProperty("event_type", message.eventType());
			g.writeStringProperty("priority", message.priority());
			g.writePOJOProperty("payload", message.payload());
			g.writeStringProperty("timestamp", message.timestamp());
			if (nested) {
				g.writeName(ContextPacking.NESTED);
				g.writeStartObject();
				for (Map.Entry<String, @Nullable Object> entry : message.context().entrySet()) {
					g.writePOJOProperty(entry.getKey(), entry.getValue());
				}
				g.writeEndObject();
			}
			else {
				if (message.uniqueId() != null) {
					g.writeStringProperty("_unique_id", message.uniqueId());
				}
				for (Map.Entry<String, @Nullable Object> entry : message.context().entrySet()) {
					g.writePOJOProperty(ContextPacking.PREFIX + entry.getKey(), entry.getValue());
				}
			}
			g.writeEndObject();
		}
		catch (JacksonException ex) {
			throw new WireEncodingException(
					"Cannot encode notification '" + message.eventType() + "': " + ex.getOriginalMessage(), ex);
		}
		return out.toString();
	}

	/**
	 * Decodes a notification body (enveloped, or a bare 1.0 dict).
	 * @param body the body
	 * @return the notification; absent or non-string fields are {@code null}
	 * @throws MalformedMessageException when the body is not a JSON object or has an
	 * unsupported envelope version
	 */
	public NotificationMessage decode(byte[] body) {
		Map<String, @Nullable Object> m = this.envelope.unwrap(body);
		return new NotificationMessage(string(m.get("message_id")), string(m.get("publisher_id")),
				string(m.get("event_type")), string(m.get("priority")), m.get("payload"), string(m.get("timestamp")),
				string(m.get("_unique_id")), ContextPacking.unpack(m));
	}

	private static @Nullable String string(@Nullable Object value) {
		return (value instanceof String s) ? s : null;
	}

}
