package io.oslo4j.rpc.wire;

import java.io.ByteArrayOutputStream;

/**
 * The buffer an inner message is written into (as UTF-8, pure ASCII with Python's
 * escapes), read back without a copy by {@link Envelope#wrap(byte[], int)}.
 */
final class InnerJsonBuffer extends ByteArrayOutputStream {

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

}
