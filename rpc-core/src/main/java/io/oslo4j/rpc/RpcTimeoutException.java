package io.oslo4j.rpc;

/**
 * No reply arrived in time (oslo's {@code MessagingTimeout}), either because the overall
 * call timeout elapsed or because the call monitor saw no heartbeat.
 */
public class RpcTimeoutException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final String messageId;

	public RpcTimeoutException(String messageId) {
		this("Timed out waiting for a reply to message ID " + messageId, messageId);
	}

	public RpcTimeoutException(String message, String messageId) {
		super(message);
		this.messageId = messageId;
	}

	/**
	 * Returns the {@code _msg_id} of the call that timed out.
	 * @return the message id
	 */
	public String messageId() {
		return this.messageId;
	}

}
