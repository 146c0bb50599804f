package io.oslo4j.rpc.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The buffer an inner message is written into (as UTF-8, pure ASCII with Python's
 * escapes), read by {@link Envelope#wrap(InnerJsonBuffer)}.
 * <p>
 * A long string that {@link LongStrings} found plain (nothing to escape, not even in the
 * envelope) is not copied into it: the generator hands a string longer than its own
 * buffer to the stream as the very array that was checked, and the buffer keeps that
 * array, and where it goes in the message, as a {@link Splice}. The envelope copies it
 * once, into the body, without looking at it again. (A shorter one is copied into the
 * generator's buffer first, and arrives here as ordinary bytes.)
 */
final class InnerJsonBuffer extends ByteArrayOutputStream {

	private byte @Nullable [] expected;

	private @Nullable List<Splice> splices;

	InnerJsonBuffer(int size) {
		super(size);
	}

	/**
	 * Returns the internal buffer; the first {@link #size()} bytes are the message
	 * without its {@link #splices()}.
	 * @return the buffer
	 */
	byte[] bytes() {
		return this.buf;
	}

	/**
	 * Announces (or, with {@code null}, stops announcing) an array whose bytes are plain:
	 * if the generator writes that array to this buffer, it is kept as a splice instead
	 * of copied.
	 * @param plain the checked bytes, or {@code null}
	 */
	void expectPlain(byte @Nullable [] plain) {
		this.expected = plain;
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) {
		if (bytes == this.expected) {
			List<Splice> kept = this.splices;
			if (kept == null) {
				kept = new ArrayList<>(4);
				this.splices = kept;
			}
			kept.add(new Splice(this.count, bytes, offset, length));
			this.expected = null;
			return;
		}
		super.write(bytes, offset, length);
	}

	/**
	 * Returns the plain arrays kept instead of copied, in the order of their positions.
	 * @return the splices, empty when there are none
	 */
	List<Splice> splices() {
		List<Splice> kept = this.splices;
		return (kept != null) ? kept : List.of();
	}

	/**
	 * Bytes that belong in the message at a position of the buffer.
	 *
	 * @param at the index of {@link #bytes()} they go before
	 * @param bytes the array holding them
	 * @param offset where they start in it
	 * @param length how many there are
	 */
	record Splice(int at, byte[] bytes, int offset, int length) {
	}

}
