package io.oslo4j.rpc.security;

import org.jspecify.annotations.Nullable;

/**
 * One generated message and what oslo's rules (spec Appendix B) say a server does with
 * it.
 *
 * @param category what is wrong with it
 * @param contentType the AMQP content type, {@code null} for none
 * @param body the body
 * @param expect the expected outcome
 * @param msgId the {@code _msg_id} a reply would carry, when a reply is expected
 * @param expected the expected result (as JSON text) or failure class
 */
record BadMessage(String category, @Nullable String contentType, byte[] body, Expect expect, @Nullable String msgId,
		@Nullable String expected) {

	/** What the server does with a message. */
	enum Expect {

		/** Rejected without requeue, never answered (not JSON, bad envelope, ...). */
		REJECTED,

		/** Acknowledged and ignored: a duplicate {@code _unique_id}. */
		DROPPED,

		/** Dispatched without a reply: a cast, or a call without {@code _reply_q}. */
		DISPATCHED,

		/** Answered with a result. */
		RESULT,

		/** Answered with a failure. */
		FAILURE

	}

	/**
	 * Returns this message without its body, to keep once it is sent.
	 * @return the copy
	 */
	BadMessage sent() {
		return new BadMessage(this.category, this.contentType, new byte[0], this.expect, this.msgId, this.expected);
	}

	@Override
	public String toString() {
		return this.category + "[" + this.expect + "]";
	}

}
