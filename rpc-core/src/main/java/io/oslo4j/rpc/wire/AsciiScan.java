package io.oslo4j.rpc.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the first byte of a JSON string that is not plain content, eight bytes at a time
 * (SWAR: the bytes of a little-endian {@code long} tested in parallel, the first flagged
 * byte found with {@link Long#numberOfTrailingZeros}). Each test works on the low seven
 * bits of every byte, so no addition carries from one byte into the next and the flags
 * are exact, not just "somewhere in this word".
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
		for (; i <= to - Long.BYTES; i += Long.BYTES) {
			long word = (long) LONGS.get(in, i);
			long low = word & LOW7;
			long hits = (word | (low + ONES) | ~plain(low)) & HIGH;
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
		for (; i <= to - Long.BYTES; i += Long.BYTES) {
			long word = (long) LONGS.get(in, i);
			long hits = ~(word | plain(word & LOW7)) & HIGH;
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
