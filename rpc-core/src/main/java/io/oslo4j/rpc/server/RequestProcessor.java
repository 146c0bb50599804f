package io.oslo4j.rpc.server;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.MalformedMessageException;
import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.observation.RpcKind;
import io.oslo4j.rpc.observation.RpcObservations;
import io.oslo4j.rpc.observation.RpcServerObservationContext;
import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.transport.DeliveryHandler;
import io.oslo4j.rpc.transport.ThrottledLog;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.FailureRecord;
import io.oslo4j.rpc.wire.ReplyMessage;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server does with each message, with oslo's delivery semantics: a message whose
 * content type is not JSON, that is not JSON or has an unsupported envelope is logged and
 * rejected without requeue; a duplicate {@code _unique_id} is acknowledged and dropped;
 * the rest is acknowledged (on receipt or after dispatch) and dispatched as
 * {@link RequestHandoff} tells, and answered when it is a call.
 */
final class RequestProcessor implements DeliveryHandler {

	private static final Logger logger = LoggerFactory.getLogger(RpcServer.class);

	private final Transport transport;

	private final RpcDispatcher dispatcher;

	private final RpcServerOptions options;

	private final WireCodec codec;

	private final RequestHandoff handoff;

	private final Heartbeats heartbeats;

	private final DuplicateCache duplicates;

	private final ThrottledLog badMessages = new ThrottledLog(logger, 5);

	private final ReplySender replies;

	private final String topic;

	private final AtomicLong duplicatesDropped = new AtomicLong();

	private volatile boolean accepting = true;

	private final Object stopLock = new Object();

	// with ack after dispatch: the requests being dispatched, not yet acknowledged
	private final Set<IncomingMessage> running = ConcurrentHashMap.newKeySet();

	RequestProcessor(Transport transport, String topic, RpcDispatcher dispatcher, RpcServerOptions options,
			@Nullable Workers workers, Heartbeats heartbeats) {
		this.transport = transport;
		this.topic = topic;
		this.dispatcher = dispatcher;
		this.options = options;
		this.codec = options.codec();
		this.handoff = new RequestHandoff(workers, options.ackMode(), this::ackFailed, this::process);
		this.heartbeats = heartbeats;
		this.duplicates = new DuplicateCache(options.duplicateCacheSize());
		this.replies = new ReplySender(transport, this.codec, this.badMessages);
	}

	/**
	 * Stops taking requests, before the listener stops. With ack after dispatch, the
	 * requests already running are acknowledged now: the consumer channels close with the
	 * listener, and a request left unacknowledged would be run again by another server.
	 * Requests still waiting for a worker are not run here; the broker gives them to
	 * another server when the channels close.
	 */
	void stopAccepting() {
		synchronized (this.stopLock) {
			this.accepting = false;
			for (IncomingMessage message : this.running) {
				message.ack();
			}
		}
	}

	long duplicatesDropped() {
		return this.duplicatesDropped.get();
	}

	@Override
	public void onMessage(IncomingMessage message) {
		if (!this.accepting) {
			message.reject(true);
			return;
		}
		RequestMessage request;
		try {
			checkContentType(message.contentType());
			request = this.codec.decodeRequest(message.body());
		}
		catch (MalformedMessageException ex) {
			this.badMessages.warn("Failed to process message from {} ({} bytes): {}; rejecting it", message.queue(),
					message.body().length, ex.getMessage());
			message.reject(false);
			return;
		}
		if (isDuplicate(request)) {
			message.ack();
			return;
		}
		this.handoff.handOff(message, request);
	}

	/**
	 * Forgets the id of a request whose ack failed, so that the copy the broker delivers
	 * again is not taken for a duplicate.
	 */
	private void ackFailed(RequestMessage request) {
		this.duplicates.forget(request.uniqueId());
	}

	private boolean isDuplicate(RequestMessage request) {
		if (!this.duplicates.isDuplicate(request.uniqueId())) {
			return false;
		}
		this.duplicatesDropped.incrementAndGet();
		this.badMessages.warn("Ignoring duplicate message {} (_unique_id {})", request.msgId(), request.uniqueId());
		return true;
	}

	private static void checkContentType(@Nullable String contentType) {
		if (contentType == null) {
			throw new MalformedMessageException("no content type (oslo requires application/json)");
		}
		int semicolon = contentType.indexOf(';');
		String type = ((semicolon >= 0) ? contentType.substring(0, semicolon) : contentType).strip()
			.toLowerCase(Locale.ROOT);
		if (!type.equals("application/json")) {
			throw new MalformedMessageException("content type " + contentType + " is not application/json");
		}
	}

	private void process(RequestMessage request, @Nullable IncomingMessage toAck) {
		if (toAck != null) {
			synchronized (this.stopLock) {
				if (!this.accepting) {
					// left unsettled: the broker requeues it when the listener's channel
					// closes (settling it now could race with that close)
					return;
				}
				this.running.add(toAck);
			}
		}
		try {
			RpcContext ctx = this.options.serializer()
				.deserializeContext(request.context())
				.with("client_timeout", request.timeout());
			ScheduledFuture<?> heartbeat = request.isCall() ? this.heartbeats.start(request) : null;
			ReplyMessage reply;
			Observation observation = observe(request);
			// the endpoint runs in the observation's scope: its own calls join the trace
			try (Observation.Scope scope = (observation != null) ? observation.openScope() : null) {
				reply = dispatch(request, ctx);
			}
			finally {
				if (heartbeat != null) {
					heartbeat.cancel(false);
				}
			}
			if (observation != null) {
				stop(observation, reply);
			}
			if (request.isCall()) {
				this.replies.send(request, reply, toAck == null);
			}
		}
		catch (RpcDeliveryException ex) {
			this.replies.lost(request, ex);
		}
		catch (RuntimeException ex) {
			logger.error("Failed to process request '{}'", request.method(), ex);
		}
		finally {
			if (toAck != null) {
				toAck.ack();
				this.running.remove(toAck);
			}
		}
	}

	private @Nullable Observation observe(RequestMessage request) {
		ObservationRegistry registry = this.options.observations();
		if (registry.isNoop()) {
			return null;
		}
		RpcServerObservationContext context = new RpcServerObservationContext(this.topic,
				Objects.toString(request.method(), "None"), request.isCall() ? RpcKind.CALL : RpcKind.CAST,
				request.context());
		return Observation
			.createNotStarted(this.options.observationConvention(), RpcObservations.SERVER_CONVENTION, () -> context,
					registry)
			.start();
	}

	private static void stop(Observation observation, ReplyMessage reply) {
		if (reply.failure() != null && observation.getContext() instanceof RpcServerObservationContext context) {
			context.setOutcome(FailureRecord.DISPATCHER_MODULE.equals(reply.failure().module()) ? "rejected" : "error");
		}
		observation.stop();
	}

	private ReplyMessage dispatch(RequestMessage request, RpcContext ctx) {
		String msgId = (request.msgId() != null) ? request.msgId() : "";
		try {
			RpcDispatcher.Outcome outcome = this.dispatcher.dispatch(request, ctx);
			Throwable exception = outcome.exception();
			if (exception == null) {
				return ReplyMessage.result(msgId, outcome.result());
			}
			if (outcome.expected()) {
				logger.debug("Expected exception during message handling ({})", request.method(), exception);
			}
			else {
				logger.error("Exception during message handling ({})", request.method(), exception);
			}
			return ReplyMessage.failure(msgId, FailureRecord.of(exception));
		}
		catch (DispatchFailure ex) {
			logger.debug("Request '{}' refused: {}", request.method(), ex.getMessage());
			return ReplyMessage.failure(msgId, ex.failure());
		}
		catch (RuntimeException ex) {
			logger.error("Exception during message handling ({})", request.method(), ex);
			return ReplyMessage.failure(msgId, FailureRecord.of(ex));
		}
	}

	/**
	 * Returns how many requests run on consumer threads (a server without workers).
	 * @return the count
	 */
	int runningInline() {
		return this.handoff.runningInline();
	}

	/**
	 * Waits until no request runs on a consumer thread.
	 * @param timeoutNanos how long to wait
	 * @return whether none runs
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean awaitInline(long timeoutNanos) throws InterruptedException {
		return this.handoff.awaitInline(timeoutNanos);
	}

	boolean awaitReplies(long timeoutNanos) throws InterruptedException {
		return this.replies.awaitPending(timeoutNanos);
	}

}
