package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.oslo4j.rpc.MalformedMessageException;
import io.oslo4j.rpc.RpcVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectReader;
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

	private static final int[] NO_RUNS = {};

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	/** Shorter inner messages are parsed from bytes (converting would cost more). */
	static final int CHAR_PARSE_MIN_LENGTH = 1024;

	private final ObjectReader reader;

	Envelope(JsonMapper mapper) {
		this.reader = mapper.readerFor(LinkedHashMap.class);
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
		return wrap(inner, length, NO_RUNS, 0);
	}

	/**
	 * Wraps an inner message given as UTF-8 bytes, not looking again at the runs already
	 * known to hold nothing to escape.
	 * @param inner the inner JSON
	 * @param length how many bytes of {@code inner} to take
	 * @param plainRuns start and end of each plain run, in order
	 * @param plainRunCount how many pairs of {@code plainRuns} are used
	 * @return the body
	 */
	byte[] wrap(byte[] inner, int length, int[] plainRuns, int plainRunCount) {
		PlainRunScan scan = new PlainRunScan(inner, length, plainRuns, plainRunCount);
		int first = scan.firstToEscape(0);
		int extra = 0;
		for (int i = first; i < length; i = scan.firstToEscape(i + 1)) {
			if (inner[i] != '"' && inner[i] != '\\') {
				// not ASCII: escaped character by character as Python does
				return wrap(new String(inner, 0, length, StandardCharsets.UTF_8));
			}
			extra++;
		}
		// the second pass finds the same bytes again
		scan = new PlainRunScan(inner, length, plainRuns, plainRunCount);
		byte[] out = new byte[PREFIX.length + length + extra + SUFFIX.length];
		System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
		int pos = PREFIX.length;
		int from = 0;
		// every byte to escape is a quote or a backslash
		int i = first;
		while (extra > 0) {
			System.arraycopy(inner, from, out, pos, i - from);
			pos += i - from;
			out[pos++] = '\\';
			out[pos++] = inner[i];
			from = i + 1;
			if (--extra > 0) {
				i = scan.firstToEscape(from);
			}
		}
		System.arraycopy(inner, from, out, pos, length - from);
		pos += length - from;
		System.arraycopy(SUFFIX, 0, out, pos, SUFFIX.length);
		return out;
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
			return parseInner(fast.bytes(), fast.length());
		}
		Map<String, @Nullable Object> outer = parse(body, body.length);
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
		return parse(text);
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

	/**
	 * Parses an inner message. A long pure-ASCII one (what oslo and oslo4j send) has its
	 * long string values taken out ({@link LongStringValues}) and is parsed from chars:
	 * from bytes Jackson builds each long string char by char, from chars it makes it
	 * with one bulk copy. Anything else is parsed from bytes, so that invalid UTF-8 is
	 * refused as before.
	 */
	private Map<String, @Nullable Object> parseInner(byte[] inner, int length) {
		if (length < CHAR_PARSE_MIN_LENGTH || !AsciiScan.isAscii(inner, 0, length)) {
			return parse(inner, length);
		}
		LongStringValues longValues = LongStringValues.extract(inner, length);
		if (longValues != null) {
			Map<String, @Nullable Object> parsed = parseRestoring(longValues);
			if (parsed != null) {
				return parsed;
			}
		}
		return parseChars(inner, length);
	}

	/**
	 * Parses a document without its long string values, reading them back in place; or
	 * {@code null} when one was not read back or the document is not valid (the caller
	 * parses the original, which reports the error with the original's positions).
	 */
	private @Nullable Map<String, @Nullable Object> parseRestoring(LongStringValues longValues) {
		byte[] text = longValues.text();
		int length = longValues.length();
		try (JsonParser plain = (length < CHAR_PARSE_MIN_LENGTH) ? this.reader.createParser(text, 0, length)
				: this.reader.createParser(widen(text, length), 0, length);
				LongStringParser parser = longValues.restoring(plain)) {
			Object parsed = this.reader.readValue(parser);
			return (parsed instanceof Map<?, ?> && parser.restoredAll()) ? check(parsed) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private Map<String, @Nullable Object> parseChars(byte[] inner, int length) {
		try (JsonParser parser = this.reader.createParser(widen(inner, length), 0, length)) {
			return check(this.reader.readValue(parser));
		}
		catch (JacksonException ex) {
			throw new MalformedMessageException("Message is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Widens ASCII bytes to chars. A Latin-1 String is a plain copy of the bytes and
	 * getChars widens with the JDK's vectorized intrinsic: two bulk copies beat one loop
	 * of char stores.
	 */
	private static char[] widen(byte[] ascii, int length) {
		char[] chars = new char[length];
		new String(ascii, 0, length, StandardCharsets.ISO_8859_1).getChars(0, length, chars, 0);
		return chars;
	}

	Map<String, @Nullable Object> parse(String json) {
		try {
			return check(this.reader.readValue(json));
		}
		catch (JacksonException ex) {
			throw new MalformedMessageException("Message is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private Map<String, @Nullable Object> parse(byte[] body, int length) {
		try {
			return check(this.reader.readValue(body, 0, length));
		}
		catch (JacksonException ex) {
			throw new MalformedMessageException("Message is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static Map<String, @Nullable Object> check(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			@SuppressWarnings("unchecked")
			Map<String, @Nullable Object> result = (Map<String, @Nullable Object>) map;
			return result;
		}
		throw new MalformedMessageException("Message is not a JSON object");
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
