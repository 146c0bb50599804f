package io.oslo4j.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import io.oslo4j.rpc.wire.MessageIds;
import io.oslo4j.rpc.wire.ReplyMessage;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;

/**
 * The oslo envelopes of the frameworkless systems (bare amqp-client and Spring AMQP):
 * encoded once by oslo4j's codec with markers, then filled per message by copying bytes,
 * so they send exactly what oslo4j sends while doing no JSON work. Their servers echo the
 * {@code data} bytes of the request into a reply the same way.
 */
final class EnvelopeTemplate {

	private static final String MSG_ID = "MSGIDMARK";

	private static final String REPLY_Q = "REPLYQMARK";

	private static final String UNIQUE_ID = "UNIQUEIDMARK";

	private static final String DATA = "DATAMARK";

	private static final byte[] MSG_ID_KEY = bytes("_msg_id\\\": \\\"");

	private static final byte[] REPLY_Q_KEY = bytes("_reply_q\\\": \\\"");

	private static final byte[] QUOTE = bytes("\\\"");

	private static final WireCodec CODEC = WireCodec.defaultCodec();

	private final byte[][] call;

	private final byte[][] cast;

	private final byte[][] reply;

	private final byte[] dataKey;

	private final byte[] dataEnd;

	EnvelopeTemplate(String method) {
		String marked = "\"" + DATA + "\"";
		this.call = split(CODEC.encodeRequest(new RequestMessage(method, Map.of("data", DATA), null, null, MSG_ID,
				REPLY_Q, null, UNIQUE_ID, Map.of())), bytes(marked), bytes(MSG_ID), bytes(REPLY_Q), bytes(UNIQUE_ID));
		this.cast = split(CODEC.encodeRequest(
				new RequestMessage(method, Map.of("data", DATA), null, null, null, null, null, UNIQUE_ID, Map.of())),
				bytes(marked), bytes(UNIQUE_ID));
		this.reply = split(CODEC.encodeReply(ReplyMessage.result(MSG_ID, DATA)), bytes(marked), bytes(MSG_ID));
		// what precedes the data in a request, and follows it in a call
		String callText = new String(CODEC.encodeRequest(new RequestMessage(method, Map.of("data", DATA), null, null,
				MSG_ID, REPLY_Q, null, UNIQUE_ID, Map.of())), StandardCharsets.US_ASCII);
		String escapedMark = callText.substring(callText.indexOf(DATA) - 2, callText.indexOf(DATA) + DATA.length() + 2);
		String before = callText.substring(0, callText.indexOf(escapedMark));
		this.dataKey = bytes(before.substring(before.lastIndexOf("args")));
		String after = callText.substring(callText.indexOf(escapedMark) + escapedMark.length());
		this.dataEnd = bytes(after.substring(0, after.indexOf("_msg_id") + "_msg_id".length()));
	}

	/** Returns a call envelope; the data bytes are the escaped JSON of the payload. */
	byte[] call(byte[] data, String msgId, String replyQueue) {
		return join(this.call, data, bytes(msgId), bytes(replyQueue), bytes(MessageIds.next()));
	}

	/** Returns a cast envelope. */
	byte[] cast(byte[] data) {
		return join(this.cast, data, bytes(MessageIds.next()));
	}

	/**
	 * Returns the reply echoing a call's data, or {@code null} for a cast.
	 * @param request the request body
	 * @return the reply body or {@code null}
	 */
	byte @Nullable [] echoReply(byte[] request) {
		String msgId = msgId(request);
		if (msgId == null) {
			return null;
		}
		int dataStart = indexOf(request, this.dataKey, 0) + this.dataKey.length;
		// what follows the data is near the end: found from there, not past 64 KB of data
		int dataEnd = lastIndexOf(request, this.dataEnd);
		byte[] data = Arrays.copyOfRange(request, dataStart, dataEnd);
		return join(this.reply, data, bytes(msgId));
	}

	/** Returns the {@code _msg_id} of a request or reply, or {@code null}. */
	static @Nullable String msgId(byte[] body) {
		return value(body, MSG_ID_KEY);
	}

	/** Returns the {@code _reply_q} of a request, or {@code null}. */
	static @Nullable String replyQueue(byte[] body) {
		return value(body, REPLY_Q_KEY);
	}

	/** Returns the escaped data bytes of a payload, as they appear in an envelope. */
	static byte[] data(Payload payload) {
		String text = new String(
				CODEC.encodeRequest(
						new RequestMessage("m", payload.args(), null, null, null, null, null, null, Map.of())),
				StandardCharsets.US_ASCII);
		String key = "\\\"data\\\": ";
		int start = text.indexOf(key) + key.length();
		int end = text.lastIndexOf("}}");
		return bytes(text.substring(start, end));
	}

	/**
	 * The value of a key that comes after the arguments or the result (every one looked
	 * up here does): found from the end, so that a 64 KB body costs what a small one
	 * does.
	 */
	private static @Nullable String value(byte[] body, byte[] key) {
		int at = lastIndexOf(body, key);
		if (at < 0) {
			return null;
		}
		int start = at + key.length;
		int end = indexOf(body, QUOTE, start);
		return new String(body, start, end - start, StandardCharsets.US_ASCII);
	}

	private static byte[][] split(byte[] template, byte[]... markers) {
		byte[][] parts = new byte[markers.length + 1][];
		int from = 0;
		for (int i = 0; i < markers.length; i++) {
			byte[] marker = markers[i];
			int at = indexOf(template, marker, from);
			if (at < 0 && marker[0] == '"') {
				marker = bytes("\\" + new String(marker, 0, marker.length - 1, StandardCharsets.US_ASCII) + "\\\"");
				at = indexOf(template, marker, from);
			}
			if (at < 0) {
				throw new IllegalStateException("marker " + new String(markers[i], StandardCharsets.US_ASCII)
						+ " not found in " + new String(template, StandardCharsets.US_ASCII));
			}
			parts[i] = Arrays.copyOfRange(template, from, at);
			from = at + marker.length;
		}
		parts[markers.length] = Arrays.copyOfRange(template, from, template.length);
		return parts;
	}

	private static byte[] join(byte[][] parts, byte[]... values) {
		int length = parts[values.length].length;
		for (int i = 0; i < values.length; i++) {
			length += parts[i].length + values[i].length;
		}
		byte[] out = new byte[length];
		int pos = 0;
		for (int i = 0; i < values.length; i++) {
			System.arraycopy(parts[i], 0, out, pos, parts[i].length);
			pos += parts[i].length;
			System.arraycopy(values[i], 0, out, pos, values[i].length);
			pos += values[i].length;
		}
		System.arraycopy(parts[values.length], 0, out, pos, parts[values.length].length);
		return out;
	}

	static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	static int lastIndexOf(byte[] data, byte[] pattern) {
		outer: for (int i = data.length - pattern.length; i >= 0; i--) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
