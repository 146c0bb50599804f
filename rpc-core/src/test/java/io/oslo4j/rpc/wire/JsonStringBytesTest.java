package io.oslo4j.rpc.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonStringBytes#unescape} gives back the UTF-8 bytes of any string, however it
 * was escaped (short escapes, {@code \\uXXXX} in either case, surrogate pairs, raw UTF-8,
 * {@code \/}), wherever in the range and at whatever offset the escapes fall, with the
 * position of every quote, backslash and control byte in them; a raw quote or control
 * byte anywhere between escapes gives {@code null}.
 */
class JsonStringBytesTest {

	/** Never in the range: garbage around it must not be read. */
	private static final byte[] GARBAGE = { '"', '\\', 0, 0x1F, (byte) 0x80, '"', '\\', 0x0A, '"' };

	private static final String SPECIALS = "\"\\/\n\r\t\b\f\u0000\u001f\u007f\u00e9\u20ac\ud83d\ude00 x";

	@Test
	void oneSpecialCharacterAtEveryOffset() {
		Random random = new Random(1);
		for (int length = 1; length <= 40; length++) {
			for (int at = 0; at < length; at++) {
				for (int codePoint : SPECIALS.codePoints().toArray()) {
					String text = "x".repeat(at) + Character.toString(codePoint) + "y".repeat(length - at - 1);
					assertRoundTrip(text, random);
				}
			}
		}
	}

	@Test
	void randomStrings() {
		Random random = new Random(2);
		for (int round = 0; round < 5_000; round++) {
			assertRoundTrip(randomText(random, random.nextInt(41)), random);
		}
		for (int length : new int[] { 1_000, 65_536, 100_003 }) {
			assertRoundTrip(randomText(random, length), random);
			assertRoundTrip("x".repeat(length), random);
		}
	}

	@Test
	void aRawQuoteOrControlByteBetweenEscapesIsRejected() {
		Random random = new Random(3);
		for (int round = 0; round < 5_000; round++) {
			List<byte[]> tokens = escape(randomText(random, random.nextInt(41)), random);
			byte bad = (random.nextInt(4) == 0) ? (byte) '"' : (byte) random.nextInt(0x20);
			tokens.add(random.nextInt(tokens.size() + 1), new byte[] { bad });
			byte[] escaped = concat(tokens);
			assertThat(unescape(escaped, random)).as(() -> new String(escaped, StandardCharsets.UTF_8)).isNull();
		}
	}

	@Test
	void aLoneBackslashAtTheEndIsRejected() {
		for (int length = 0; length <= 17; length++) {
			byte[] escaped = ("x".repeat(length) + "\\").getBytes(StandardCharsets.US_ASCII);
			assertThat(JsonStringBytes.unescape(escaped, 0, escaped.length)).isNull();
		}
	}

	private static void assertRoundTrip(String text, Random random) {
		byte[] escaped = concat(escape(text, random));
		JsonStringBytes.Result result = unescape(escaped, random);
		assertThat(result).as(() -> new String(escaped, StandardCharsets.UTF_8)).isNotNull();
		byte[] expected = text.getBytes(StandardCharsets.UTF_8);
		assertThat(Arrays.copyOf(result.bytes(), result.length())).as(() -> new String(escaped, StandardCharsets.UTF_8))
			.isEqualTo(expected);
		assertThat(Arrays.copyOf(result.specials(), result.specialCount()))
			.as(() -> "special bytes of " + new String(escaped, StandardCharsets.UTF_8))
			.isEqualTo(specialPositions(expected));
	}

	/** Where the quotes, backslashes and control bytes are. */
	private static int[] specialPositions(byte[] bytes) {
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '"' || bytes[i] == '\\' || (bytes[i] >= 0 && bytes[i] < 0x20)) {
				positions.add(i);
			}
		}
		return positions.stream().mapToInt(Integer::intValue).toArray();
	}

	/** Unescapes {@code escaped} placed at a random offset, with garbage either side. */
	private static JsonStringBytes.Result unescape(byte[] escaped, Random random) {
		int before = random.nextInt(GARBAGE.length + 1);
		int after = random.nextInt(GARBAGE.length + 1);
		byte[] in = new byte[before + escaped.length + after];
		System.arraycopy(GARBAGE, 0, in, 0, before);
		System.arraycopy(escaped, 0, in, before, escaped.length);
		System.arraycopy(GARBAGE, 0, in, before + escaped.length, after);
		return JsonStringBytes.unescape(in, before, before + escaped.length);
	}

	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			int kind = random.nextInt(10);
			if (kind == 0) {
				int[] specials = SPECIALS.codePoints().toArray();
				text.appendCodePoint(specials[random.nextInt(specials.length)]);
			}
			else if (kind == 1) {
				int codePoint = 0x80 + random.nextInt(0x10FFFF - 0x80);
				text.appendCodePoint((codePoint >= 0xD800 && codePoint <= 0xDFFF) ? 0xFFFD : codePoint);
			}
			else {
				text.append((char) (0x20 + random.nextInt(0x5F)));
			}
		}
		return text.toString();
	}

	/** Escapes each code point of {@code text} in one of the ways JSON allows. */
	private static List<byte[]> escape(String text, Random random) {
		List<byte[]> tokens = new ArrayList<>();
		text.codePoints().forEach((codePoint) -> tokens.add(escape(codePoint, random)));
		return tokens;
	}

	private static byte[] escape(int codePoint, Random random) {
		String escaped = switch (codePoint) {
			case '"' -> random.nextBoolean() ? "\\\"" : unicode(codePoint, random);
			case '\\' -> random.nextBoolean() ? "\\\\" : unicode(codePoint, random);
			case '/' -> random.nextBoolean() ? "\\/" : "/";
			case '\n' -> random.nextBoolean() ? "\\n" : unicode(codePoint, random);
			case '\r' -> random.nextBoolean() ? "\\r" : unicode(codePoint, random);
			case '\t' -> random.nextBoolean() ? "\\t" : unicode(codePoint, random);
			case '\b' -> random.nextBoolean() ? "\\b" : unicode(codePoint, random);
			case '\f' -> random.nextBoolean() ? "\\f" : unicode(codePoint, random);
			default -> (codePoint < 0x20 || random.nextInt(4) == 0) ? unicode(codePoint, random)
					: Character.toString(codePoint);
		};
		return escaped.getBytes(StandardCharsets.UTF_8);
	}

	private static String unicode(int codePoint, Random random) {
		StringBuilder escaped = new StringBuilder();
		for (char unit : Character.toChars(codePoint)) {
			String hex = String.format("\\u%04x", (int) unit);
			escaped.append(random.nextBoolean() ? hex : hex.toUpperCase().replace("\\U", "\\u"));
		}
		return escaped.toString();
	}

	private static byte[] concat(List<byte[]> tokens) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		tokens.forEach(out::writeBytes);
		return out.toByteArray();
	}

}
