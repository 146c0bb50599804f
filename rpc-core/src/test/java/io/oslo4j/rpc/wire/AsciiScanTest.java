package io.oslo4j.rpc.wire;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AsciiScan}'s eight-bytes-at-a-time scans find the byte a plain byte-by-byte loop
 * finds: every byte value at every position of a word, next to any other, with the range
 * starting and ending anywhere, and anywhere in a long run crossed block by block.
 */
class AsciiScanTest {

	/** Around every boundary the bit tricks rely on. */
	private static final int[] EDGES = { 0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80,
			0x81, 0x9F, 0xA0, 0xA2, 0xDC, 0xFE, 0xFF };

	@Test
	void everyByteValueAtEveryPosition() {
		for (int clean : new int[] { 'x', 0x20, 0x7E, 0x23, 0x5D }) {
			for (int value = 0; value < 256; value++) {
				for (int length = 1; length <= 20; length++) {
					for (int at = 0; at < length; at++) {
						byte[] in = new byte[length];
						Arrays.fill(in, (byte) clean);
						in[at] = (byte) value;
						assertScansAgree(in, 0, length);
					}
				}
			}
		}
	}

	@Test
	void twoEdgeValuesInOneWord() {
		for (int first : EDGES) {
			for (int second : EDGES) {
				for (int at = 0; at < 16; at++) {
					for (int gap = 1; gap < 9; gap++) {
						byte[] in = new byte[26];
						Arrays.fill(in, (byte) 'a');
						in[at] = (byte) first;
						in[at + gap] = (byte) second;
						assertScansAgree(in, 0, in.length);
					}
				}
			}
		}
	}

	@Test
	void everyStartAndEndOfTheRange() {
		Random random = new Random(42);
		for (int round = 0; round < 50; round++) {
			byte[] in = randomBytes(random, 48, 0.05);
			for (int from = 0; from <= in.length; from++) {
				for (int to = from; to <= in.length; to++) {
					assertScansAgree(in, from, to);
				}
			}
		}
	}

	@Test
	void isAsciiFindsAHighByteAtEveryOffsetOfEveryRange() {
		for (int length = 0; length <= 24; length++) {
			byte[] in = new byte[length];
			Arrays.fill(in, (byte) 0x7F);
			for (int from = 0; from <= length; from++) {
				for (int to = from; to <= length; to++) {
					assertThat(AsciiScan.isAscii(in, from, to)).isTrue();
				}
			}
			for (int high = 0; high < length; high++) {
				in[high] = (byte) 0x80;
				for (int from = 0; from <= length; from++) {
					for (int to = from; to <= length; to++) {
						boolean inside = from <= high && high < to;
						assertThat(AsciiScan.isAscii(in, from, to)).as("0x80 at %d in [%d, %d)", high, from, to)
							.isEqualTo(!inside);
					}
				}
				in[high] = (byte) 0x7F;
			}
		}
	}

	@Test
	void largeInputs() {
		Random random = new Random(7);
		for (double density : new double[] { 0, 0.0001, 0.001, 0.01, 0.1, 0.5 }) {
			byte[] in = randomBytes(random, 70_000, density);
			for (int from = 0; from < 8; from++) {
				int i = from;
				while (i < in.length) {
					int found = AsciiScan.firstToEscape(in, i, in.length);
					assertThat(found).isEqualTo(firstToEscape(in, i, in.length));
					i = found + 1;
				}
				i = from;
				while (i < in.length) {
					int found = AsciiScan.firstSpecial(in, i, in.length);
					assertThat(found).isEqualTo(firstSpecial(in, i, in.length));
					i = found + 1;
				}
			}
		}
	}

	@Test
	void oneEdgeValueAtEveryPositionOfALongPlainRun() {
		byte[] in = new byte[1200];
		for (int i = 0; i < in.length; i++) {
			in[i] = (byte) (0x23 + i % 0x39);
		}
		for (int at = 0; at < in.length; at++) {
			byte clean = in[at];
			for (int value : EDGES) {
				in[at] = (byte) value;
				for (int from : new int[] { 0, 1, 7, 33, 300 }) {
					if (from <= at) {
						assertScansAgree(in, from, in.length);
						assertThat(AsciiScan.isPlain(in, from, in.length))
							.as("isPlain, 0x%x at %d from %d", value, at, from)
							.isEqualTo(firstToEscape(in, from, in.length) == in.length);
					}
				}
			}
			in[at] = clean;
		}
		for (int to = 0; to <= in.length; to++) {
			assertThat(AsciiScan.isPlain(in, 0, to)).isTrue();
			assertThat(AsciiScan.firstToEscape(in, 0, to)).isEqualTo(to);
			assertThat(AsciiScan.firstSpecial(in, 0, to)).isEqualTo(to);
		}
	}

	/** Mostly clean bytes (ASCII content and UTF-8 bytes), some edge values. */
	private static byte[] randomBytes(Random random, int length, double density) {
		byte[] in = new byte[length];
		for (int i = 0; i < length; i++) {
			if (random.nextDouble() < density) {
				in[i] = (byte) EDGES[random.nextInt(EDGES.length)];
			}
			else {
				in[i] = (byte) (random.nextBoolean() ? 0x20 + random.nextInt(0x5F) : random.nextInt(256));
			}
		}
		return in;
	}

	private static void assertScansAgree(byte[] in, int from, int to) {
		assertThat(AsciiScan.firstToEscape(in, from, to)).as(() -> describe("firstToEscape", in, from, to))
			.isEqualTo(firstToEscape(in, from, to));
		assertThat(AsciiScan.firstSpecial(in, from, to)).as(() -> describe("firstSpecial", in, from, to))
			.isEqualTo(firstSpecial(in, from, to));
	}

	private static String describe(String scan, byte[] in, int from, int to) {
		return scan + " " + Arrays.toString(in) + " [" + from + ", " + to + ")";
	}

	private static int firstToEscape(byte[] in, int from, int to) {
		for (int i = from; i < to; i++) {
			int b = in[i] & 0xFF;
			if (b == '"' || b == '\\' || b < 0x20 || b > 0x7E) {
				return i;
			}
		}
		return to;
	}

	private static int firstSpecial(byte[] in, int from, int to) {
		for (int i = from; i < to; i++) {
			int b = in[i] & 0xFF;
			if (b == '"' || b == '\\' || b < 0x20) {
				return i;
			}
		}
		return to;
	}

}
