package io.oslo4j.rpc.wire;

import org.jspecify.annotations.Nullable;

/**
 * An oslo RPC reply: {@code result}, {@code failure}, {@code ending}, {@code _msg_id},
 * {@code _unique_id}, in that order. {@code failure} travels as a JSON string. A final
 * reply always has {@code ending: true}; a call-monitor heartbeat is {@code {result:
 * null, failure: null, ending: false}}.
 *
 * @param result the method's result
 * @param failure the remote failure, or {@code null}
 * @param ending whether this is the final reply
 * @param msgId the call's correlation id
 * @param uniqueId a fresh id
 */
public record ReplyMessage(@Nullable Object result, @Nullable FailureRecord failure, boolean ending,
		@Nullable String msgId, @Nullable String uniqueId) {

	/**
	 * Returns the final reply carrying a result.
	 * @param msgId the call's id
	 * @param result the result
	 * @return the reply
	 */
	public static ReplyMessage result(String msgId, @Nullable Object result) {
		return new ReplyMessage(result, null, true, msgId, MessageIds.next());
	}

	/**
	 * Returns the final reply carrying a failure.
	 * @param msgId the call's id
	 * @param failure the failure
	 * @return the reply
	 */
	public static ReplyMessage failure(String msgId, FailureRecord failure) {
		return new ReplyMessage(null, failure, true, msgId, MessageIds.next());
	}

	/**
	 * Returns a call-monitor heartbeat.
	 * @param msgId the call's id
	 * @return the heartbeat
	 */
	public static ReplyMessage heartbeat(String msgId) {
		return new ReplyMessage(null, null, false, msgId, MessageIds.next());
	}

	/**
	 * Returns whether this is a heartbeat: not ending, no result, no failure.
	 * @return whether it is a heartbeat
	 */
	public boolean isHeartbeat() {
		return !this.ending && this.result == null && this.failure == null;
	}

}
