package io.oslo4j.rpc.server;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.wire.RequestMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an accepted request gets from the consumer thread to its dispatch, in oslo's order:
 * with ack on receipt it is acknowledged first and dispatched only once that ack was
 * written (a request whose ack failed is never run here: the broker delivers it again);
 * with ack after dispatch it is acknowledged once dispatched.
 * <p>
 * With workers (oslo's threading executor) a request runs on the server's bounded
 * {@link Workers}:
 * <ul>
 * <li>a call is handed to a worker before its ack is written, so that the worker wakes up
 * meanwhile ({@link AckedDispatch});</li>
 * <li>a cast, which nobody waits for, is acknowledged first and then handed over, so that
 * its worker never has to wait for the ack (one wake-up instead of up to two); a cast
 * that reaches a stopping server is rejected with requeue before its ack;</li>
 * <li>with every worker busy and the queue full, the consumer thread waits for room
 * (after the ack, as oslo acks before its executor);</li>
 * <li>a request acked already when the workers stop (a stop racing its hand-off) runs on
 * the consumer thread rather than being lost.</li>
 * </ul>
 * Without workers ({@code executorThreads} 0) a request runs on the consumer thread that
 * received it: no hand-off at all, but a slow method holds up the requests behind it on
 * its queue.
 */
final class RequestHandoff {

	private static final Logger logger = LoggerFactory.getLogger(RpcServer.class);

	private final @Nullable Workers workers;

	private final AckMode ackMode;

	private final Consumer<RequestMessage> ackFailed;

	private final BiConsumer<RequestMessage, @Nullable IncomingMessage> process;

	private final Consumer<RequestMessage> dispatchAfterAck;

	private final Consumer<RequestMessage> dropAfterFailedAck = RequestHandoff::dropUnacked;

	// requests running on consumer threads: all without workers, else the stop races
	private final InFlightCount inline = new InFlightCount();

	/**
	 * Makes the hand-off.
	 * @param workers the workers; {@code null} to run requests on the consumer thread
	 * @param ackMode when requests are acknowledged
	 * @param ackFailed told of a request whose ack failed, before it is dropped
	 * @param process dispatches a request and answers it, then acks the message given
	 * (with ack after dispatch; {@code null} when it was acked already)
	 */
	RequestHandoff(@Nullable Workers workers, AckMode ackMode, Consumer<RequestMessage> ackFailed,
			BiConsumer<RequestMessage, @Nullable IncomingMessage> process) {
		this.workers = workers;
		this.ackMode = ackMode;
		this.ackFailed = ackFailed;
		this.process = process;
		this.dispatchAfterAck = (request) -> process.accept(request, null);
	}

	/**
	 * Acknowledges and dispatches a request, or rejects it with requeue when the workers
	 * are stopping.
	 * @param message the delivery
	 * @param request its decoded request
	 */
	void handOff(IncomingMessage message, RequestMessage request) {
		Workers workers = this.workers;
		if (workers == null) {
			runInline(message, request);
		}
		else if (this.ackMode == AckMode.AFTER_DISPATCH) {
			hand(workers, () -> this.process.accept(request, message), request, message);
		}
		else if (!request.isCall()) {
			if (workers.isStopping()) {
				notDispatched(request, message);
			}
			else if (ack(message, request)) {
				hand(workers, () -> this.dispatchAfterAck.accept(request), request, null);
			}
			else {
				dropUnacked(request);
			}
		}
		else {
			AckedDispatch dispatch = new AckedDispatch(request, this.dispatchAfterAck, this.dropAfterFailedAck);
			switch (workers.offer(dispatch)) {
				// handed over first: the worker wakes up while the ack is written, and
				// dispatches only once it succeeded
				case HANDED -> dispatch.acked(ack(message, request));
				// every worker busy: acked before waiting for room, so that no request
				// waits here unacknowledged (the broker would deliver it again)
				case BUSY -> {
					boolean acked = ack(message, request);
					dispatch.acked(acked);
					if (acked && !workers.put(dispatch)) {
						runHere(request, dispatch);
					}
				}
				case STOPPING -> notDispatched(request, message);
			}
		}
	}

	/**
	 * Returns how many requests run on consumer threads: all of them without workers;
	 * with workers, only those acked just before the workers stopped.
	 * @return the count
	 */
	int runningInline() {
		return this.inline.get();
	}

	/**
	 * Waits until no request runs on a consumer thread.
	 * @param timeoutNanos how long to wait
	 * @return whether none runs
	 * @throws InterruptedException when interrupted while waiting
	 */
	boolean awaitInline(long timeoutNanos) throws InterruptedException {
		return this.inline.awaitZero(timeoutNanos);
	}

	private void runInline(IncomingMessage message, RequestMessage request) {
		boolean ackFirst = this.ackMode == AckMode.ON_RECEIPT;
		if (ackFirst && !ack(message, request)) {
			dropUnacked(request);
			return;
		}
		this.inline.increment();
		try {
			this.process.accept(request, ackFirst ? null : message);
		}
		finally {
			this.inline.decrement();
		}
	}

	/**
	 * Hands a task to the workers; when they are stopping, a message not acked yet is
	 * rejected with requeue, and a request acked already is run here rather than lost.
	 */
	private void hand(Workers workers, Runnable task, RequestMessage request, @Nullable IncomingMessage toReject) {
		Workers.Offer offer = workers.offer(task);
		if (offer == Workers.Offer.STOPPING || (offer == Workers.Offer.BUSY && !workers.put(task))) {
			if (toReject != null) {
				notDispatched(request, toReject);
			}
			else {
				runHere(request, task);
			}
		}
	}

	/**
	 * Runs an acknowledged request on this thread: the workers stopped between its ack
	 * and its hand-off, and the broker will not deliver it again. A graceful stop waits
	 * for it as for the requests run without workers.
	 */
	private void runHere(RequestMessage request, Runnable task) {
		logger.info("Server is stopping; running request '{}' on the consumer thread (it was acknowledged already)",
				request.method());
		this.inline.increment();
		try {
			task.run();
		}
		finally {
			this.inline.decrement();
		}
	}

	private boolean ack(IncomingMessage message, RequestMessage request) {
		if (message.ack()) {
			return true;
		}
		this.ackFailed.accept(request);
		return false;
	}

	/**
	 * Rejects with requeue, for another server, a request no worker will run because the
	 * server is stopping.
	 */
	private static void notDispatched(RequestMessage request, IncomingMessage toReject) {
		toReject.reject(true);
		logger.warn("Server is stopping; request '{}' not dispatched (the broker delivers it again)", request.method());
	}

	private static void dropUnacked(RequestMessage request) {
		logger.debug("Request '{}' not dispatched: its acknowledgement failed, so the broker delivers it again",
				request.method());
	}

}
