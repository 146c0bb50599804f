package io.oslo4j.rpc.wire;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An oslo RPC request (the inner message of a call or cast), with oslo's keys in oslo's
 * order: {@code method}, {@code args}, {@code namespace}, {@code version},
 * {@code _msg_id}, {@code _reply_q}, {@code _timeout}, {@code _unique_id},
 * {@code _context_*}.
 * <p>
 * Sending: {@code namespace} and {@code version} are omitted when {@code null}; a call
 * ({@code msgId} set) always carries {@code _timeout}, {@code null} when there is no call
 * monitor. Receiving: fields hold what the message held, with oslo's defaults for absent
 * keys ({@code args} = empty object, {@code version} = {@code "1.0"}); a present JSON
 * {@code null} stays {@code null}, and {@code args} or {@code version} of a wrong JSON
 * type are kept as they came so the dispatcher can answer as oslo does.
 *
 * @param method the endpoint method name
 * @param args the keyword arguments (a {@code Map} when well formed)
 * @param namespace the endpoint namespace: a string when sent by oslo4j; on receipt, any
 * JSON value a peer sent (one that is not a string matches no endpoint, as in oslo)
 * @param version the requested version (a {@code String} when well formed)
 * @param msgId the call's correlation id; {@code null} for a cast
 * @param replyQueue the caller's reply queue; {@code null} for a cast
 * @param timeout the call-monitor timeout in seconds, as sent (raw JSON value)
 * @param uniqueId the duplicate-detection id
 * @param context the request context entries (without the {@code _context_} prefix)
 */
public record RequestMessage(@Nullable String method, @Nullable Object args, @Nullable Object namespace,
		@Nullable Object version, @Nullable String msgId, @Nullable String replyQueue, @Nullable Object timeout,
		@Nullable String uniqueId, Map<String, @Nullable Object> context) {

	/**
	 * Returns a cast.
	 * @param method the method
	 * @param args the arguments
	 * @param namespace the namespace or {@code null}
	 * @param version the version or {@code null}
	 * @param context the context
	 * @return the request, with a fresh unique id
	 */
	public static RequestMessage cast(String method, Map<String, ? extends @Nullable Object> args,
			@Nullable String namespace, @Nullable String version, Map<String, @Nullable Object> context) {
		return new RequestMessage(method, args, namespace, version, null, null, null, MessageIds.next(), context);
	}

	/**
	 * Returns a call.
	 * @param method the method
	 * @param args the arguments
	 * @param namespace the namespace or {@code null}
	 * @param version the version or {@code null}
	 * @param msgId the correlation id
	 * @param replyQueue the reply queue
	 * @param callMonitorSeconds the call-monitor timeout in seconds, or {@code null}
	 * @param context the context
	 * @return the request, with a fresh unique id
	 */
	public static RequestMessage call(String method, Map<String, ? extends @Nullable Object> args,
			@Nullable String namespace, @Nullable String version, String msgId, String replyQueue,
			@Nullable Integer callMonitorSeconds, Map<String, @Nullable Object> context) {
		return new RequestMessage(method, args, namespace, version, msgId, replyQueue, callMonitorSeconds,
				MessageIds.next(), context);
	}

	/**
	 * Returns whether this is a call, i.e. a reply is expected.
	 * @return whether {@code _msg_id} is set
	 */
	public boolean isCall() {
		return this.msgId != null && !this.msgId.isEmpty();
	}

}
