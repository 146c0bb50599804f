package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;

/**
 * Takes the long string values out of a JSON document before Jackson parses it. Jackson
 * reads a string one char at a time, checking each against its escape table, which at 64
 * KB is most of the time a call spends decoding; a string value of {@link #MIN_LENGTH}
 * chars or more without escapes is instead found from the positions of the special bytes
 * that unescaping the envelope recorded (the message is not scanned again), made a
 * {@code String} with one bulk copy, and left out of the text Jackson parses (as
 * {@code ""}). {@link LongStringParser} puts it back: the n-th string value Jackson reads
 * is the n-th string value of the document. A long value with a byte of 0x80 or above
 * leaves the whole document to Jackson; the JDK finds one as it copies the value (a
 * vectorized check), so the caller has only the rest of the document to check for ASCII.
 * <p>
 * Property names, strings with escapes and anything the scan does not understand (which
 * then is not valid JSON) are left to Jackson, so the parsed value and the errors are
 * those of a plain parse.
 */
final class LongStringValues {

	/** Shorter strings are left to Jackson: taking them out would cost more. */
	static final int MIN_LENGTH = 256;

	/** What US-ASCII decoding puts in place of a byte of 0x80 and above. */
	private static final char NOT_ASCII = '\uFFFD';

	/** The text Jackson parses: the document with the long string values emptied. */
	private final byte[] text;

	private final int length;

	/** The ordinal (1 for the document's first string value) of each value taken out. */
	private final int[] ordinals;

	private final String[] values;

	private LongStringValues(byte[] text, int length, int[] ordinals, String[] values) {
		this.text = text;
		this.length = length;
		this.ordinals = ordinals;
		this.values = values;
	}

	/**
	 * Takes the long string values out of an inner message that {@link JsonStringBytes}
	 * unescaped.
	 * @param inner the inner message, with the positions of its special bytes
	 * @return the document without them, or {@code null} when it has none, when one is
	 * not ASCII, or when it is not a document the scan understands
	 */
	static @Nullable LongStringValues extract(JsonStringBytes.Result inner) {
		byte[] in = inner.bytes();
		int length = inner.length();
		int[] specials = inner.specials();
		int specialCount = inner.specialCount();
		int[] starts = new int[4];
		int[] ends = new int[4];
		int[] ordinals = new int[4];
		int found = 0;
		int ordinal = 0;
		// the next special byte to look at: outside a string, the first quote opens one
		// (a control byte there is whitespace, or an error Jackson reports); inside, the
		// first quote not escaped closes it
		int k = 0;
		while (true) {
			while (k < specialCount && in[specials[k]] != '"') {
				if (in[specials[k]] == '\\') {
					// not valid outside a string
					return null;
				}
				k++;
			}
			if (k == specialCount) {
				break;
			}
			int open = specials[k++];
			boolean escaped = false;
			int close;
			while (true) {
				if (k == specialCount) {
					// unterminated: Jackson says what is wrong
					return null;
				}
				close = specials[k++];
				if (in[close] == '"') {
					break;
				}
				if (in[close] != '\\') {
					// a raw control character: Jackson says what is wrong
					return null;
				}
				escaped = true;
				if (k < specialCount && specials[k] == close + 1) {
					// the escaped byte is content, whatever it is
					k++;
				}
			}
			if (!isPropertyName(in, close + 1, length)) {
				ordinal++;
				if (!escaped && close - open - 1 >= MIN_LENGTH) {
					if (found == starts.length) {
						starts = Arrays.copyOf(starts, found * 2);
						ends = Arrays.copyOf(ends, found * 2);
						ordinals = Arrays.copyOf(ordinals, found * 2);
					}
					starts[found] = open + 1;
					ends[found] = close;
					ordinals[found] = ordinal;
					found++;
				}
			}
		}
		return (found != 0) ? cut(in, length, starts, ends, Arrays.copyOf(ordinals, found)) : null;
	}

	/** Whether a string that ends before {@code from} is followed by a colon. */
	private static boolean isPropertyName(byte[] in, int from, int length) {
		for (int i = from; i < length; i++) {
			byte b = in[i];
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return b == ':';
			}
		}
		return false;
	}

	private static @Nullable LongStringValues cut(byte[] in, int length, int[] starts, int[] ends, int[] ordinals) {
		String[] values = new String[ordinals.length];
		int removed = 0;
		for (int k = 0; k < ordinals.length; k++) {
			// ASCII bytes are copied as they are; each byte from 0x80 becomes U+FFFD,
			// which no ASCII text holds (a String of ASCII answers at once)
			values[k] = new String(in, starts[k], ends[k] - starts[k], StandardCharsets.US_ASCII);
			if (values[k].indexOf(NOT_ASCII) >= 0) {
				return null;
			}
			removed += ends[k] - starts[k];
		}
		byte[] text = new byte[length - removed];
		int from = 0;
		int pos = 0;
		for (int k = 0; k < ordinals.length; k++) {
			System.arraycopy(in, from, text, pos, starts[k] - from);
			pos += starts[k] - from;
			from = ends[k];
		}
		System.arraycopy(in, from, text, pos, length - from);
		return new LongStringValues(text, text.length, ordinals, values);
	}

	/**
	 * Returns the text to parse: the document with each long string value emptied.
	 * @return the bytes (ASCII)
	 */
	byte[] text() {
		return this.text;
	}

	/**
	 * Returns how many bytes of {@link #text()} to parse.
	 * @return the length
	 */
	int length() {
		return this.length;
	}

	/**
	 * Returns a parser that reads the values taken out back in place.
	 * @param parser a parser of {@link #text()}
	 * @return the parser to read with
	 */
	LongStringParser restoring(JsonParser parser) {
		return new LongStringParser(parser, this.ordinals, this.values);
	}

}
