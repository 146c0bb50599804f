package io.oslo4j.rpc.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The buffer an inner message is written into (as UTF-8, pure ASCII with Python's
 * escapes), read back without a copy by {@link Envelope#wrap(byte[], int, int[], int)}.
 * <p>
 * It also remembers where the long strings that {@link LongStrings} found plain (nothing
 * to escape, not even in the envelope) landed: the generator hands a string longer than
 * its own buffer to the stream as the very array that was checked, and the envelope skips
 * those bytes instead of checking them a second time. (A shorter one is copied into the
 * generator's buffer first, and checked again.)
 */
final class InnerJsonBuffer extends ByteArrayOutputStream {

	private static final int[] NONE = {};

	private byte @Nullable [] expected;

	/** Start and end of each plain run, in order. */
	private int[] plainRuns = NONE;

	private int plainRunCount;

	InnerJsonBuffer(int size) {
		super(size);
	}

	/**
	 * Returns the internal buffer; the first {@link #size()} bytes are the content.
	 * @return the buffer
	 */
	byte[] bytes() {
		return this.buf;
	}

	/**
	 * Announces (or, with {@code null}, stops announcing) an array whose bytes are plain:
	 * if the generator writes that array to this buffer, where it lands is remembered.
	 * @param plain the checked bytes, or {@code null}
	 */
	void expectPlain(byte @Nullable [] plain) {
		this.expected = plain;
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) {
		if (bytes == this.expected && length > 0) {
			if (this.plainRunCount * 2 == this.plainRuns.length) {
				this.plainRuns = Arrays.copyOf(this.plainRuns, Math.max(4, this.plainRuns.length * 2));
			}
			this.plainRuns[this.plainRunCount * 2] = this.count;
			this.plainRuns[this.plainRunCount * 2 + 1] = this.count + length;
			this.plainRunCount++;
			this.expected = null;
		}
		// a write that does not fit leaves room for an eighth more: after a long string,
		// which the generator writes here directly, the rest of the message then fits
		// without growing the buffer and copying the string again
		int wanted = this.count + length + (length >> 3);
		if (length > this.buf.length - this.count && wanted > 0) {
			// past 1 GB doubling overflows and the larger of the two is taken; past 2 GB
			// ByteArrayOutputStream's own growth says what is wrong
			this.buf = Arrays.copyOf(this.buf, Math.max(this.buf.length * 2, wanted));
		}
		super.write(bytes, offset, length);
	}

	/**
	 * Returns the plain runs: start and end of each, in order, the first
	 * {@link #plainRunCount()} pairs used.
	 * @return the runs
	 */
	int[] plainRuns() {
		return this.plainRuns;
	}

	/**
	 * Returns how many plain runs there are.
	 * @return the count
	 */
	int plainRunCount() {
		return this.plainRunCount;
	}

}
