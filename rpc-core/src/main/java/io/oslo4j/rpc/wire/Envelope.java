package io.oslo4j.rpc.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.MalformedMessageException;
import io.oslo4j.rpc.RpcVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * oslo's 2.0 envelope: {@code {"oslo.version": "2.0", "oslo.message": "<inner JSON>"}}.
 * Receiving follows oslo's {@code deserialize_msg}: a dict with both keys has its version
 * checked (major 2, minor 0) and its inner string parsed; a dict without them is a legacy
 * bare message, used as it is.
 */
public final class Envelope {

	/** The envelope version oslo4j sends and accepts. */
	public static final String VERSION = "2.0";

	static final String VERSION_KEY = "oslo.version";

	static final String MESSAGE_KEY = "oslo.message";

	private static final RpcVersion SUPPORTED = RpcVersion.parse(VERSION);

	private static final byte[] PREFIX = "{\"oslo.version\": \"2.0\", \"oslo.message\": \""
		.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final InnerMessageReader reader;

	Envelope(JsonMapper mapper) {
		this.reader = new InnerMessageReader(mapper);
	}

	/**
	 * Wraps an inner message (pure ASCII, as written by {@link WireCodec}) in the
	 * envelope, escaping it as a JSON string the way Python does.
	 * @param inner the inner JSON
	 * @return the body
	 */
	byte[] wrap(String inner) {
		int extra = 0;
		for (int i = 0; i < inner.length(); i++) {
			char c = inner.charAt(i);
			if (c == '"' || c == '\\') {
				extra++;
			}
			else if (c < 0x20 || c > 0x7e) {
				extra += (shortEscape(c) != 0) ? 1 : 5;
			}
		}
		byte[] out = new byte[PREFIX.length + inner.length() + extra + SUFFIX.length];
		System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
		int pos = PREFIX.length;
		for (int i = 0; i < inner.length(); i++) {
			char c = inner.charAt(i);
			if (c == '"' || c == '\\') {
				out[pos++] = '\\';
				out[pos++] = (byte) c;
			}
			else if (c < 0x20 || c > 0x7e) {
				// only reached with a mapper that does not escape like Python: escape the
				// character the way json.dumps would, so the body stays pure ASCII
				out[pos++] = '\\';
				char escape = shortEscape(c);
				if (escape != 0) {
					out[pos++] = (byte) escape;
				}
				else {
					out[pos++] = 'u';
					for (int shift = 12; shift >= 0; shift -= 4) {
						out[pos++] = (byte) HEX[(c >> shift) & 0xF];
					}
				}
			}
			else {
				out[pos++] = (byte) c;
			}
		}
		System.arraycopy(SUFFIX, 0, out, pos, SUFFIX.length);
		return out;
	}

	/**
	 * Wraps an inner message given as UTF-8 bytes; the usual case, pure ASCII, is escaped
	 * by copying runs of bytes, found eight bytes at a time by {@link AsciiScan}.
	 * @param inner the inner JSON
	 * @param length how many bytes of {@code inner} to take
	 * @return the body
	 */
	byte[] wrap(byte[] inner, int length) {
		return wrap(inner, length, List.of());
	}

	/**
	 * Wraps an inner message written into an {@link InnerJsonBuffer}: its bytes escaped
	 * as {@link #wrap(byte[], int)} does, its splices copied in as they are (they hold
	 * nothing to escape).
	 * @param inner the inner JSON
	 * @return the body
	 */
	byte[] wrap(InnerJsonBuffer inner) {
		return wrap(inner.bytes(), inner.size(), inner.splices());
	}

	private byte[] wrap(byte[] inner, int length, List<InnerJsonBuffer.Splice> splices) {
		int extra = 0;
		int spliced = 0;
		int from = 0;
		for (int s = 0; s <= splices.size(); s++) {
			int to = (s < splices.size()) ? splices.get(s).at() : length;
			for (int i = AsciiScan.firstToEscape(inner, from, to); i < to; i = AsciiScan.firstToEscape(inner, i + 1,
					to)) {
				if (inner[i] != '"' && inner[i] != '\\') {
					// not ASCII: escaped character by character as Python does
					return wrap(joined(inner, length, splices));
				}
				extra++;
			}
			spliced += (s < splices.size()) ? splices.get(s).length() : 0;
			from = to;
		}
		byte[] out = new byte[PREFIX.length + length + spliced + extra + SUFFIX.length];
		System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
		int pos = PREFIX.length;
		from = 0;
		for (int s = 0; s <= splices.size(); s++) {
			int to = (s < splices.size()) ? splices.get(s).at() : length;
			pos = escapeQuotes(inner, from, to, out, pos);
			if (s < splices.size()) {
				InnerJsonBuffer.Splice splice = splices.get(s);
				System.arraycopy(splice.bytes(), splice.offset(), out, pos, splice.length());
				pos += splice.length();
			}
			from = to;
		}
		System.arraycopy(SUFFIX, 0, out, pos, SUFFIX.length);
		return out;
	}

	/**
	 * Copies {@code in[from, to)}, which holds no byte to escape but quotes and
	 * backslashes, escaping those.
	 * @return the position after the last byte written
	 */
	private static int escapeQuotes(byte[] in, int from, int to, byte[] out, int pos) {
		int start = from;
		for (int i = AsciiScan.firstToEscape(in, from, to); i < to; i = AsciiScan.firstToEscape(in, i + 1, to)) {
			System.arraycopy(in, start, out, pos, i - start);
			pos += i - start;
			out[pos++] = '\\';
			out[pos++] = in[i];
			start = i + 1;
		}
		System.arraycopy(in, start, out, pos, to - start);
		return pos + to - start;
	}

	/** The message as one text, splices in their places. */
	private static String joined(byte[] inner, int length, List<InnerJsonBuffer.Splice> splices) {
		ByteArrayOutputStream joined = new ByteArrayOutputStream(length);
		int from = 0;
		for (InnerJsonBuffer.Splice splice : splices) {
			joined.write(inner, from, splice.at() - from);
			joined.write(splice.bytes(), splice.offset(), splice.length());
			from = splice.at();
		}
		joined.write(inner, from, length - from);
		return joined.toString(StandardCharsets.UTF_8);
	}

	private static char shortEscape(char c) {
		return switch (c) {
			case '\n' -> 'n';
			case '\r' -> 'r';
			case '\t' -> 't';
			case '\b' -> 'b';
			case '\f' -> 'f';
			default -> 0;
		};
	}

	/**
	 * Returns the inner message of a body.
	 * @param body the body
	 * @return the inner message as a map, keys in their order
	 * @throws MalformedMessageException when the body is not a JSON object, the envelope
	 * version is unsupported, or the inner message is not a JSON object
	 */
	Map<String, @Nullable Object> unwrap(byte[] body) {
		JsonStringBytes.Result fast = innerMessage(body);
		if (fast != null) {
			return this.reader.parseInner(fast);
		}
		Map<String, @Nullable Object> outer = this.reader.parse(body, body.length);
		if (!outer.containsKey(VERSION_KEY) || !outer.containsKey(MESSAGE_KEY)) {
			return outer;
		}
		Object version = outer.get(VERSION_KEY);
		if (!(version instanceof String versionText) || !isSupported(versionText)) {
			throw new MalformedMessageException("Unsupported RPC envelope version: " + version);
		}
		Object inner = outer.get(MESSAGE_KEY);
		if (!(inner instanceof String text)) {
			throw new MalformedMessageException("oslo.message is not a string");
		}
		return this.reader.parse(text);
	}

	/**
	 * The fast path: the inner message of a body laid out exactly as oslo (and oslo4j)
	 * write it, {@code {"oslo.version": "2.0", "oslo.message": "..."}}, unescaped to
	 * UTF-8 bytes in one pass, or {@code null} for any other body (which the general path
	 * parses).
	 */
	static JsonStringBytes.@Nullable Result innerMessage(byte[] body) {
		int end = body.length - SUFFIX.length;
		if (end < PREFIX.length || !Arrays.equals(body, 0, PREFIX.length, PREFIX, 0, PREFIX.length) || body[end] != '"'
				|| body[end + 1] != '}') {
			return null;
		}
		return JsonStringBytes.unescape(body, PREFIX.length, end);
	}

	Map<String, @Nullable Object> parse(String json) {
		return this.reader.parse(json);
	}

	private static boolean isSupported(String version) {
		try {
			return SUPPORTED.accepts(RpcVersion.parse(version));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
