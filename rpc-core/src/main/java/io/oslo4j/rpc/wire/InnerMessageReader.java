package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.oslo4j.rpc.MalformedMessageException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON objects into maps that keep their keys' order: an envelope's inner message
 * by the fastest route its content allows, and any other JSON object the plain way. Every
 * route gives the same map, and the same error for an invalid document.
 */
final class InnerMessageReader {

	/** Shorter inner messages are parsed from bytes (converting would cost more). */
	static final int CHAR_PARSE_MIN_LENGTH = 1024;

	private final ObjectReader reader;

	InnerMessageReader(JsonMapper mapper) {
		this.reader = mapper.readerFor(LinkedHashMap.class);
	}

	/**
	 * Parses an inner message. A long pure-ASCII one (what oslo and oslo4j send) has its
	 * long string values taken out ({@link LongStringValues}) and is parsed from chars:
	 * from bytes Jackson builds each long string char by char, from chars it makes it
	 * with one bulk copy. Anything else is parsed from bytes, so that invalid UTF-8 is
	 * refused as before.
	 */
	Map<String, @Nullable Object> parseInner(JsonStringBytes.Result unescaped) {
		byte[] inner = unescaped.bytes();
		int length = unescaped.length();
		if (length < CHAR_PARSE_MIN_LENGTH) {
			return parse(inner, length);
		}
		LongStringValues longValues = LongStringValues.extract(unescaped);
		boolean ascii;
		if (longValues != null) {
			// the long values were found ASCII as they were copied out; the rest is
			// checked here
			ascii = AsciiScan.isAscii(longValues.text(), 0, longValues.length());
			if (ascii) {
				Map<String, @Nullable Object> parsed = parseRestoring(longValues);
				if (parsed != null) {
					return parsed;
				}
			}
		}
		else {
			ascii = AsciiScan.isAscii(inner, 0, length);
		}
		return ascii ? parseChars(inner, length) : parse(inner, length);
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

	/**
	 * Parses a JSON object given as text.
	 * @param json the text
	 * @return the object, keys in their order
	 * @throws MalformedMessageException when it is not a JSON object
	 */
	Map<String, @Nullable Object> parse(String json) {
		try {
			return check(this.reader.readValue(json));
		}
		catch (JacksonException ex) {
			throw new MalformedMessageException("Message is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Parses a JSON object given as UTF-8 bytes.
	 * @param body the bytes
	 * @param length how many of them to take
	 * @return the object, keys in their order
	 * @throws MalformedMessageException when it is not a JSON object
	 */
	Map<String, @Nullable Object> parse(byte[] body, int length) {
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

}
