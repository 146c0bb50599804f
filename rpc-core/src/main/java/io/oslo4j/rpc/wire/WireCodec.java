package io.oslo4j.rpc.wire;

import java.util.Map;

import io.oslo4j.rpc.MalformedMessageException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes and decodes oslo RPC messages: the inner message is written with Python's
 * {@code json.dumps} format and wrapped in the 2.0 envelope ({@link Envelope}), so the
 * bytes are those Python oslo.messaging sends. Thread-safe; make one per mapper and share
 * it.
 */
public final class WireCodec {

	private static final WireCodec DEFAULT = new WireCodec(OsloJson.mapper());

	private final JsonMapper mapper;

	private final ObjectWriter writer;

	private final Envelope envelope;

	/**
	 * Makes a codec that writes values (arguments, results, context values) with the
	 * given mapper; build it from {@link OsloJson#builder()}.
	 * @param mapper the mapper
	 */
	public WireCodec(JsonMapper mapper) {
		this.mapper = mapper;
		this.writer = mapper.writer().with(PythonPrettyPrinter.INSTANCE);
		this.envelope = new Envelope(mapper);
	}

	/**
	 * Returns the codec on {@link OsloJson#mapper()}.
	 * @return the default codec
	 */
	public static WireCodec defaultCodec() {
		return DEFAULT;
	}

	/**
	 * Returns the mapper values are written and read with.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Encodes a request into an enveloped body.
	 * @param request the request
	 * @return the body bytes (ASCII JSON)
	 * @throws WireEncodingException when an argument or context value cannot be written
	 */
	public byte[] encodeRequest(RequestMessage request) {
		InnerJsonBuffer out = new InnerJsonBuffer(256);
		try (JsonGenerator g = this.writer.createGenerator(out)) {
			g.writeStartObject();
			g.writeStringProperty("method", request.method());
			g.writePOJOProperty("args", (request.args() != null) ? request.args() : Map.of());
			if (request.namespace() != null) {
				g.writePOJOProperty("namespace", request.namespace());
			}
			if (request.version() != null) {
				g.writePOJOProperty("version", request.version());
			}
			if (request.isCall()) {
				g.writeStringProperty("_msg_id", request.msgId());
				g.writeStringProperty("_reply_q", request.replyQueue());
				g.writePOJOProperty("_timeout", request.timeout());
			}
			if (request.uniqueId() != null) {
				g.writeStringProperty("_unique_id", request.uniqueId());
			}
			writeContext(g, request.context());
			g.writeEndObject();
		}
		catch (JacksonException ex) {
			throw new WireEncodingException(
					"Cannot encode request '" + request.method() + "': " + ex.getOriginalMessage(), ex);
		}
		return this.envelope.wrap(out);
	}

	/**
	 * Encodes a reply into an enveloped body. {@code failure} is written as a JSON
	 * string, as oslo does.
	 * @param reply the reply
	 * @return the body bytes
	 * @throws WireEncodingException when the result cannot be written
	 */
	public byte[] encodeReply(ReplyMessage reply) {
		InnerJsonBuffer out = new InnerJsonBuffer(128);
		try (JsonGenerator g = this.writer.createGenerator(out)) {
			g.writeStartObject();
			g.writePOJOProperty("result", reply.result());
			if (reply.failure() != null) {
				g.writeStringProperty("failure", this.writer.writeValueAsString(reply.failure().toMap()));
			}
			else {
				g.writeNullProperty("failure");
			}
			g.writeBooleanProperty("ending", reply.ending());
			g.writeStringProperty("_msg_id", reply.msgId());
			g.writeStringProperty("_unique_id", reply.uniqueId());
			g.writeEndObject();
		}
		catch (JacksonException ex) {
			throw new WireEncodingException("Cannot encode the reply: " + ex.getOriginalMessage(), ex);
		}
		return this.envelope.wrap(out);
	}

	/**
	 * Decodes a request body (enveloped, or a bare legacy 1.0 dict).
	 * @param body the body
	 * @return the request
	 * @throws MalformedMessageException when the body is not JSON, not an object, or has
	 * an unsupported envelope version
	 */
	public RequestMessage decodeRequest(byte[] body) {
		Map<String, @Nullable Object> m = this.envelope.unwrap(body);
		Object args = m.containsKey("args") ? m.get("args") : Map.of();
		Object version = m.containsKey("version") ? m.get("version") : "1.0";
		return new RequestMessage(string(m.get("method")), args, m.get("namespace"), version, string(m.get("_msg_id")),
				string(m.get("_reply_q")), m.get("_timeout"), string(m.get("_unique_id")), ContextPacking.unpack(m));
	}

	/**
	 * Decodes a reply body (enveloped or bare). A missing {@code ending} means
	 * {@code false}, as in oslo; {@code failure} may be a JSON string (oslo) or an
	 * object.
	 * @param body the body
	 * @return the reply
	 * @throws MalformedMessageException when the body or its failure is not valid
	 */
	public ReplyMessage decodeReply(byte[] body) {
		Map<String, @Nullable Object> m = this.envelope.unwrap(body);
		FailureRecord failure = FailureCodec.decode(this.envelope, m.get("failure"));
		return new ReplyMessage(m.get("result"), failure, Boolean.TRUE.equals(m.get("ending")),
				string(m.get("_msg_id")), string(m.get("_unique_id")));
	}

	private static void writeContext(JsonGenerator g, Map<String, @Nullable Object> context) {
		for (Map.Entry<String, @Nullable Object> entry : context.entrySet()) {
			g.writePOJOProperty(ContextPacking.PREFIX + entry.getKey(), entry.getValue());
		}
	}

	private static @Nullable String string(@Nullable Object value) {
		return (value instanceof String s) ? s : null;
	}

}
