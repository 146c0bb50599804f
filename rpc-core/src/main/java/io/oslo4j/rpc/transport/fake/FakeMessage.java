package io.oslo4j.rpc.transport.fake;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A message held by the {@link FakeBroker}: the body as published, the properties oslo
 * sets, and the moment it expires.
 *
 * @param body the body, never parsed
 * @param contentType the {@code content_type} property
 * @param contentEncoding the {@code content_encoding} property
 * @param expiresAtNanos the {@link System#nanoTime()} after which the message is
 * discarded instead of delivered, or {@link Long#MAX_VALUE}
 * @param redelivered whether it was delivered before
 */
record FakeMessage(byte[] body, @Nullable String contentType, @Nullable String contentEncoding, long expiresAtNanos,
		boolean redelivered) {

	/** The content type oslo's senders set. */
	static final String JSON = "application/json";

	/** The content encoding oslo's senders set. */
	static final String UTF_8 = "utf-8";

	/**
	 * Returns a new oslo message (JSON, UTF-8).
	 * @param body the body
	 * @param expiration the expiration, or {@code null} for none
	 * @return the message
	 */
	static FakeMessage of(byte[] body, @Nullable Duration expiration) {
		long expiresAt = Long.MAX_VALUE;
		if (expiration != null) {
			long now = System.nanoTime();
			long nanos = saturatedNanos(expiration);
			expiresAt = (nanos > Long.MAX_VALUE - now) ? Long.MAX_VALUE : now + nanos;
		}
		return new FakeMessage(body.clone(), JSON, UTF_8, expiresAt, false);
	}

	boolean isExpired() {
		return this.expiresAtNanos != Long.MAX_VALUE && System.nanoTime() - this.expiresAtNanos >= 0;
	}

	FakeMessage redelivery() {
		return this.redelivered ? this
				: new FakeMessage(this.body, this.contentType, this.contentEncoding, this.expiresAtNanos, true);
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return Math.max(0, duration.toNanos());
		}
		catch (ArithmeticException ex) {
			return duration.isNegative() ? 0 : Long.MAX_VALUE;
		}
	}

}
