package io.oslo4j.rpc.wire;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random ids in the form oslo uses for {@code _msg_id}, {@code _unique_id} and queue
 * suffixes: a version 4 UUID as 32 lower-case hex digits ({@code uuid4().hex}). These ids
 * correlate and deduplicate messages; they are not secrets, so a fast non-blocking random
 * source is used.
 */
public final class MessageIds {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private MessageIds() {
	}

	/**
	 * Returns a new id: 32 lower-case hex digits of a random version 4 UUID.
	 * @return the id
	 */
	public static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		char[] out = new char[32];
		for (int i = 15; i >= 0; i--) {
			out[i] = HEX[(int) (high & 0xF)];
			high >>>= 4;
		}
		for (int i = 31; i >= 16; i--) {
			out[i] = HEX[(int) (low & 0xF)];
			low >>>= 4;
		}
		return new String(out);
	}

}
