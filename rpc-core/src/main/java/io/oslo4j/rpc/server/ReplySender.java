package io.oslo4j.rpc.server;

import io.oslo4j.rpc.transport.Completions;
import io.oslo4j.rpc.transport.ThrottledLog;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.FailureRecord;
import io.oslo4j.rpc.wire.ReplyMessage;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import io.oslo4j.rpc.wire.WireEncodingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the replies of a server's calls. With ack on receipt a worker does not wait for
 * the broker's confirm of its reply (the request is settled already) and is free for the
 * next request at once; the replies still unconfirmed are counted, so that a graceful
 * stop can wait for them. With ack after dispatch the worker waits, so that the request
 * is acknowledged only once its reply is safe.
 */
final class ReplySender {

	private static final Logger logger = LoggerFactory.getLogger(RpcServer.class);

	private final Transport transport;

	private final WireCodec codec;

	private final ThrottledLog badMessages;

	private final ThrottledLog lostReplies = new ThrottledLog(logger, 5);

	private final InFlightCount pending = new InFlightCount();

	ReplySender(Transport transport, WireCodec codec, ThrottledLog badMessages) {
		this.transport = transport;
		this.codec = codec;
		this.badMessages = badMessages;
	}

	/**
	 * Encodes and publishes the reply of a call (a result that cannot be serialized
	 * becomes oslo's {@code TypeError} failure).
	 * @param request the call
	 * @param reply its reply
	 * @param async whether to return before the broker confirmed the reply
	 * @throws io.oslo4j.rpc.RpcDeliveryException when a synchronous reply could not be
	 * published
	 */
	void send(RequestMessage request, ReplyMessage reply, boolean async) {
		String replyQueue = request.replyQueue();
		if (replyQueue == null) {
			this.badMessages.warn("Call {} has no _reply_q; no reply sent", request.msgId());
			return;
		}
		byte[] body;
		try {
			body = this.codec.encodeReply(reply);
		}
		catch (WireEncodingException ex) {
			logger.error("Result of '{}' cannot be serialized", request.method(), ex);
			body = this.codec.encodeReply(ReplyMessage.failure(reply.msgId(),
					FailureRecord.of("TypeError", FailureRecord.BUILTINS, ex.getMessage())));
		}
		if (!async) {
			this.transport.reply(replyQueue, body);
			return;
		}
		this.pending.increment();
		try {
			this.transport.replyAsync(replyQueue, body).whenComplete((ignored, failure) -> {
				if (failure != null) {
					lost(request, failure);
				}
				this.pending.decrement();
			});
		}
		catch (RuntimeException ex) {
			this.pending.decrement();
			throw ex;
		}
	}

	/**
	 * Logs a reply that could not be sent: one line (rate-limited), not a stack trace per
	 * request in flight while the broker is away.
	 * @param request the call
	 * @param failure why
	 */
	void lost(RequestMessage request, Throwable failure) {
		Throwable cause = Completions.cause(failure);
		this.lostReplies.warn("Could not send the reply to '{}' (msg_id {}); the caller will time out: {}",
				request.method(), request.msgId(), cause.getMessage());
	}

	/**
	 * Waits until every reply sent without waiting is confirmed or failed.
	 * @param timeoutNanos how long to wait
	 * @return whether none is pending any more
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean awaitPending(long timeoutNanos) throws InterruptedException {
		return this.pending.awaitZero(timeoutNanos);
	}

}
