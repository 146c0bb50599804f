package io.oslo4j.rpc.wire;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * Escapes strings as Python's {@code json.dumps} does with {@code ensure_ascii=True}:
 * {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f}, and
 * every other character outside {@code ' '..'~'} as {@code \}{@code uxxxx} with
 * lower-case hex (astral characters as two escaped surrogates). The output is pure ASCII,
 * byte for byte what oslo sends.
 */
final class PythonCharacterEscapes extends CharacterEscapes {

	private static final long serialVersionUID = 1L;

	static final PythonCharacterEscapes INSTANCE = new PythonCharacterEscapes();

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final int[] ASCII_ESCAPES;

	private static final SerializedString[] LATIN_ESCAPES = new SerializedString[256];

	static {
		int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
		for (int c = 0; c < 0x20; c++) {
			if (c != '\n' && c != '\r' && c != '\t' && c != '\b' && c != '\f') {
				escapes[c] = ESCAPE_CUSTOM;
			}
		}
		escapes[0x7f] = ESCAPE_CUSTOM;
		ASCII_ESCAPES = escapes;
		for (int c = 0; c < LATIN_ESCAPES.length; c++) {
			LATIN_ESCAPES[c] = new SerializedString(unicodeEscape(c));
		}
	}

	private PythonCharacterEscapes() {
	}

	@Override
	public int[] getEscapeCodesForAscii() {
		return ASCII_ESCAPES;
	}

	@Override
	public SerializableString getEscapeSequence(int ch) {
		if (ch < LATIN_ESCAPES.length) {
			return LATIN_ESCAPES[ch];
		}
		if (ch > 0xFFFF) {
			int v = ch - 0x10000;
			return new SerializedString(unicodeEscape(0xD800 + (v >> 10)) + unicodeEscape(0xDC00 + (v & 0x3FF)));
		}
		return new SerializedString(unicodeEscape(ch));
	}

	private static String unicodeEscape(int ch) {
		return new String(new char[] { '\\', 'u', HEX[(ch >> 12) & 0xF], HEX[(ch >> 8) & 0xF], HEX[(ch >> 4) & 0xF],
				HEX[ch & 0xF] });
	}

}
