package io.oslo4j.rpc.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the first byte of a JSON string that is not plain content, eight bytes at a time
 * (SWAR: the bytes of a little-endian {@code long} tested in parallel, the first flagged
 * byte found with {@link Long#numberOfTrailingZeros}), and long runs of plain content
 * {@link #BLOCK} bytes at a time. Each test works on the low seven bits of every byte, so
 * no addition carries from one byte into the next and the flags are exact, not just
 * "somewhere in this word".
 */
final class AsciiScan {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

	private static final long HIGH = 0x8080808080808080L;

	private static final long ONES = 0x0101010101010101L;

	private static final long QUOTE = 0x22 * ONES;

	private static final long BACKSLASH = 0x5C * ONES;

	/** Added to seven bits, sets the high bit exactly when they are at least 0x20. */
	private static final long NOT_CONTROL = 0x60 * ONES;

	/**
	 * Bytes tested together, without a branch per word, once a scan has gone
	 * {@link #WORDS_BEFORE_BLOCKS} words without finding anything: a long run of plain
	 * content is crossed several times faster, dense JSON is not slowed down.
	 */
	private static final int BLOCK = 256;

	private static final int WORDS_BEFORE_BLOCKS = 4;

	private AsciiScan() {
	}

	/**
	 * Returns the index of the first byte of {@code in[from, to)} that a JSON string
	 * written as pure ASCII cannot hold as it is: {@code "}, {@code \}, a control byte
	 * (below 0x20), DEL (0x7F) or any byte of a multi-byte UTF-8 sequence (0x80 and up).
	 * @param in the bytes
	 * @param from the first index to look at
	 * @param to the index after the last one to look at
	 * @return the index, or {@code to} when there is none
	 */
	static int firstToEscape(byte[] in, int from, int to) {
		int i = from;
		for (; i <= to - Long.BYTES && i < from + WORDS_BEFORE_BLOCKS * Long.BYTES; i += Long.BYTES) {
			long hits = toEscape((long) LONGS.get(in, i)) & HIGH;
			if (hits != 0) {
				return i + (Long.numberOfTrailingZeros(hits) >>> 3);
			}
		}
		while (i <= to - BLOCK && !anyToEscape(in, i, i + BLOCK)) {
			i += BLOCK;
		}
		for (; i <= to - Long.BYTES; i += Long.BYTES) {
			long hits = toEscape((long) LONGS.get(in, i)) & HIGH;
			if (hits != 0) {
				return i + (Long.numberOfTrailingZeros(hits) >>> 3);
			}
		}
		for (; i < to; i++) {
			int b = in[i] & 0xFF;
			if (b == '"' || b == '\\' || b < 0x20 || b >= 0x7F) {
				return i;
			}
		}
		return to;
	}

	/**
	 * Returns whether {@code in[from, to)} has no byte that {@link #firstToEscape} would
	 * find: the same test, without stopping at the first, which the JIT compiles to a
	 * loop several times faster.
	 * @param in the bytes
	 * @param from the first index to look at
	 * @param to the index after the last one to look at
	 * @return whether the bytes can be written in a JSON string as they are
	 */
	static boolean isPlain(byte[] in, int from, int to) {
		int words = from + (to - from) / Long.BYTES * Long.BYTES;
		return !anyToEscape(in, from, words) && firstToEscape(in, words, to) == to;
	}

	/** Whether one of the whole words of {@code in[from, to)} has a byte to escape. */
	private static boolean anyToEscape(byte[] in, int from, int to) {
		long flags = 0;
		for (int i = from; i < to; i += Long.BYTES) {
			flags |= toEscape((long) LONGS.get(in, i));
		}
		return (flags & HIGH) != 0;
	}

	/** Sets the high bit of each byte of a word that a JSON string must escape. */
	private static long toEscape(long word) {
		long low = word & LOW7;
		return word | (low + ONES) | ~plain(low);
	}

	/**
	 * Returns the index of the first byte of {@code in[from, to)} that ends a run of
	 * content inside a JSON string: {@code "}, {@code \} or a control byte (below 0x20).
	 * Bytes of 0x80 and up (UTF-8 sequences) are content.
	 * @param in the bytes
	 * @param from the first index to look at
	 * @param to the index after the last one to look at
	 * @return the index, or {@code to} when there is none
	 */
	static int firstSpecial(byte[] in, int from, int to) {
		int i = from;
		for (; i <= to - Long.BYTES && i < from + WORDS_BEFORE_BLOCKS * Long.BYTES; i += Long.BYTES) {
			long hits = special((long) LONGS.get(in, i)) & HIGH;
			if (hits != 0) {
				return i + (Long.numberOfTrailingZeros(hits) >>> 3);
			}
		}
		while (i <= to - BLOCK && !anySpecial(in, i, i + BLOCK)) {
			i += BLOCK;
		}
		for (; i <= to - Long.BYTES; i += Long.BYTES) {
			long hits = special((long) LONGS.get(in, i)) & HIGH;
			if (hits != 0) {
				return i + (Long.numberOfTrailingZeros(hits) >>> 3);
			}
		}
		for (; i < to; i++) {
			byte b = in[i];
			if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
				return i;
			}
		}
		return to;
	}

	/** Whether one of the whole words of {@code in[from, to)} has a special byte. */
	private static boolean anySpecial(byte[] in, int from, int to) {
		long flags = 0;
		for (int i = from; i < to; i += Long.BYTES) {
			flags |= special((long) LONGS.get(in, i));
		}
		return (flags & HIGH) != 0;
	}

	/** Sets the high bit of each byte of a word that ends a run of string content. */
	private static long special(long word) {
		return ~(word | plain(word & LOW7));
	}

	/**
	 * Returns whether every byte of {@code in[from, to)} is ASCII (below 0x80).
	 * @param in the bytes
	 * @param from the first index to look at
	 * @param to the index after the last one to look at
	 * @return whether there is no byte of 0x80 and up
	 */
	static boolean isAscii(byte[] in, int from, int to) {
		int i = from;
		long any = 0;
		for (; i <= to - Long.BYTES; i += Long.BYTES) {
			any |= (long) LONGS.get(in, i);
		}
		for (; i < to; i++) {
			any |= in[i];
		}
		return (any & HIGH) == 0;
	}

	/**
	 * Given bytes of seven bits, sets the high bit of each that is neither a control
	 * character, {@code "} nor {@code \}. Each sum stays below 0x100: {@code t + 0x7F}
	 * has its high bit set exactly when {@code t != 0}, and {@code low + 0x60} exactly
	 * when {@code low >= 0x20}.
	 */
	private static long plain(long low) {
		return (low + NOT_CONTROL) & ((low ^ QUOTE) + LOW7) & ((low ^ BACKSLASH) + LOW7);
	}

}
