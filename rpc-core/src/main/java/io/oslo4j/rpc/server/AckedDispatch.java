package io.oslo4j.rpc.server;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import io.oslo4j.rpc.wire.RequestMessage;
import org.jspecify.annotations.Nullable;

/**
 * A request acknowledged on receipt, handed to a worker before its acknowledgement is
 * written: the worker wakes up while the consumer thread writes the {@code basic.ack},
 * and dispatches the request only once that ack succeeded. oslo's order (ack, then
 * dispatch; a request whose ack failed is never dispatched, the broker delivers it again)
 * is kept, without the ack's socket write delaying the worker's wake-up.
 * <p>
 * The consumer thread calls {@link #acked(boolean)} exactly once, after handing this to
 * the executor; the worker runs {@link #run()}, which waits for that outcome (it is
 * usually there already).
 */
final class AckedDispatch implements Runnable {

	private static final int PENDING = 0;

	private static final int ACKED = 1;

	private static final int FAILED = 2;

	private static final int SPINS = 64;

	private final RequestMessage request;

	private final Consumer<RequestMessage> dispatch;

	private final Consumer<RequestMessage> dropped;

	private volatile int outcome = PENDING;

	private volatile @Nullable Thread waiter;

	/**
	 * Makes the hand-off.
	 * @param request the request
	 * @param dispatch runs the request, once acknowledged
	 * @param dropped told of a request whose acknowledgement failed (not dispatched)
	 */
	AckedDispatch(RequestMessage request, Consumer<RequestMessage> dispatch, Consumer<RequestMessage> dropped) {
		this.request = request;
		this.dispatch = dispatch;
		this.dropped = dropped;
	}

	/**
	 * Tells the worker whether the acknowledgement was written.
	 * @param acked whether the message was acknowledged
	 */
	void acked(boolean acked) {
		this.outcome = acked ? ACKED : FAILED;
		Thread thread = this.waiter;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	@Override
	public void run() {
		if (awaitOutcome() == ACKED) {
			this.dispatch.accept(this.request);
		}
		else {
			this.dropped.accept(this.request);
		}
	}

	private int awaitOutcome() {
		int outcome;
		for (int i = 0; i < SPINS; i++) {
			if ((outcome = this.outcome) != PENDING) {
				return outcome;
			}
			Thread.onSpinWait();
		}
		// published before the outcome is read again: acked() either sees this thread
		// or has set the outcome already
		this.waiter = Thread.currentThread();
		boolean interrupted = false;
		while ((outcome = this.outcome) == PENDING) {
			LockSupport.park(this);
			// cleared so that park blocks again (the outcome comes right after the
			// hand-off); restored below
			interrupted |= Thread.interrupted();
		}
		this.waiter = null;
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		return outcome;
	}

}
