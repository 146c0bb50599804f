package io.oslo4j.rpc.wire;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Decodes the contents of a JSON string literal from UTF-8 bytes to UTF-8 bytes, in one
 * pass and without making a {@code String}: the inner message of an envelope is parsed
 * from these bytes directly. Anything unusual (an unescaped quote, a raw control
 * character, a bad or lone-surrogate escape) gives {@code null}, and the caller takes the
 * general path, which reports errors as the JSON parser does.
 * <p>
 * Every byte of the result that ends a run of string content in JSON ({@code "},
 * {@code \} or a control byte) comes from an escape, so unescaping finds them all; their
 * positions come with the result, and {@link LongStringValues} finds the strings of the
 * inner message from them instead of scanning it again.
 */
final class JsonStringBytes {

	private JsonStringBytes() {
	}

	/**
	 * Unescapes {@code in[from, to)}, the characters between the quotes of a JSON string.
	 * @param in the bytes
	 * @param from the first byte after the opening quote
	 * @param to the index of the closing quote
	 * @return the unescaped UTF-8 bytes, or {@code null}
	 */
	static @Nullable Result unescape(byte[] in, int from, int to) {
		byte[] out = new byte[to - from];
		// a small request's quotes fit, and a long string adds two
		int[] specials = new int[64];
		int specialCount = 0;
		int o = 0;
		int i = from;
		while (i < to) {
			int run = AsciiScan.firstSpecial(in, i, to);
			System.arraycopy(in, i, out, o, run - i);
			o += run - i;
			i = run;
			if (i == to) {
				break;
			}
			if (in[i] != '\\' || i + 1 >= to) {
				return null;
			}
			int c;
			int length = 2;
			switch (in[i + 1]) {
				case '"' -> c = '"';
				case '\\' -> c = '\\';
				case '/' -> c = '/';
				case 'n' -> c = '\n';
				case 't' -> c = '\t';
				case 'r' -> c = '\r';
				case 'b' -> c = '\b';
				case 'f' -> c = '\f';
				case 'u' -> {
					c = hex4(in, i + 2, to);
					length = 6;
					if (c >= 0xD800 && c <= 0xDFFF) {
						int low = (c <= 0xDBFF && i + 12 <= to && in[i + 6] == '\\' && in[i + 7] == 'u')
								? hex4(in, i + 8, to) : -1;
						if (low < 0xDC00 || low > 0xDFFF) {
							return null;
						}
						c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
						length = 12;
					}
				}
				default -> c = -1;
			}
			if (c < 0) {
				return null;
			}
			if (c < 0x20 || c == '"' || c == '\\') {
				if (specialCount == specials.length) {
					specials = Arrays.copyOf(specials, specialCount * 2);
				}
				specials[specialCount++] = o;
			}
			o = utf8(c, out, o);
			i += length;
		}
		return new Result(out, o, specials, specialCount);
	}

	private static int hex4(byte[] in, int at, int to) {
		if (at + 4 > to) {
			return -1;
		}
		int value = 0;
		for (int k = at; k < at + 4; k++) {
			int digit = Character.digit(in[k], 16);
			if (digit < 0) {
				return -1;
			}
			value = (value << 4) | digit;
		}
		return value;
	}

	private static int utf8(int c, byte[] out, int o) {
		if (c < 0x80) {
			out[o++] = (byte) c;
		}
		else if (c < 0x800) {
			out[o++] = (byte) (0xC0 | (c >> 6));
			out[o++] = (byte) (0x80 | (c & 0x3F));
		}
		else if (c < 0x10000) {
			out[o++] = (byte) (0xE0 | (c >> 12));
			out[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
			out[o++] = (byte) (0x80 | (c & 0x3F));
		}
		else {
			out[o++] = (byte) (0xF0 | (c >> 18));
			out[o++] = (byte) (0x80 | ((c >> 12) & 0x3F));
			out[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
			out[o++] = (byte) (0x80 | (c & 0x3F));
		}
		return o;
	}

	/**
	 * Unescaped bytes.
	 *
	 * @param bytes the buffer
	 * @param length how many bytes of it are used
	 * @param specials the positions, in order, of every {@code "}, {@code \\} and control
	 * byte among them
	 * @param specialCount how many of {@code specials} are used
	 */
	record Result(byte[] bytes, int length, int[] specials, int specialCount) {
	}

}
