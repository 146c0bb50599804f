package io.oslo4j.rpc.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcConnectionLostException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.Completions;
import io.oslo4j.rpc.transport.RetryTimer;
import io.oslo4j.rpc.transport.Transport;

/**
 * oslo's {@code retry} for a client's sends ({@link ClientOptions#retry()}): a request or
 * cast whose connection was lost before the broker confirmed it
 * ({@link RpcConnectionLostException}) is published again, the same bytes, after 0.25 s,
 * then waiting twice as long each time up to 2 s, as many times as the retry allows, and
 * for a call only while the call still waits, with what is left of its timeout as the
 * expiration. With no retry (the default) a send is exactly the transport's, with nothing
 * added.
 */
final class SendRetry {

	private static final RetryTimer TIMER = new RetryTimer("oslo4j-send-retry");

	private static final long FIRST_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private static final long MAX_DELAY_NANOS = TimeUnit.SECONDS.toNanos(2);

	private SendRetry() {
	}

	/**
	 * Publishes a cast and waits for the broker's confirm, publishing it again after a
	 * lost connection as the retry allows.
	 * @param transport the transport
	 * @param target where to
	 * @param body the message
	 * @param retry the client's retry
	 * @throws RpcConnectionLostException when the retries are used up, or the thread is
	 * interrupted while waiting for the next
	 */
	static void send(Transport transport, Target target, byte[] body, int retry) {
		for (int resent = 0;; resent++) {
			try {
				transport.send(target, body, null);
				return;
			}
			catch (RpcConnectionLostException ex) {
				if (!allows(retry, resent)) {
					throw ex;
				}
				try {
					TimeUnit.NANOSECONDS.sleep(delayNanos(resent));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	/**
	 * Publishes a call's request without waiting for the confirm, publishing it again
	 * after a lost connection as the retry allows and while the call waits.
	 * @param transport the transport
	 * @param target where to
	 * @param body the request
	 * @param timeout the call's timeout (the first expiration)
	 * @param retry the client's retry
	 * @param call the call's future: no request goes out again once it is done
	 * @return completes when the broker confirmed the request; fails with the last
	 * failure
	 */
	static CompletableFuture<Void> sendAsync(Transport transport, Target target, byte[] body, Duration timeout,
			int retry, CompletableFuture<?> call) {
		CompletableFuture<Void> sent = transport.sendAsync(target, body, timeout);
		if (retry == 0) {
			return sent;
		}
		CompletableFuture<Void> done = new CompletableFuture<>();
		new CallResend(transport, target, body, System.nanoTime() + timeout.toNanos(), retry, call, done).follow(sent,
				0);
		return done;
	}

	static boolean allows(int retry, int resent) {
		return retry < 0 || resent < retry;
	}

	static long delayNanos(int resent) {
		return Math.min(FIRST_DELAY_NANOS << Math.min(resent, 3), MAX_DELAY_NANOS);
	}

	/** The resends of one call's request. */
	private record CallResend(Transport transport, Target target, byte[] body, long deadline, int retry,
			CompletableFuture<?> call, CompletableFuture<Void> done) {

		void follow(CompletableFuture<Void> sent, int resent) {
			sent.whenComplete((ignored, failure) -> {
				if (failure == null) {
					this.done.complete(null);
					return;
				}
				Throwable cause = Completions.cause(failure);
				long left = this.deadline - System.nanoTime();
				long delay = delayNanos(resent);
				if (cause instanceof RpcConnectionLostException && allows(this.retry, resent) && !this.call.isDone()
						&& left > delay && TIMER.schedule(delay, () -> resend(resent + 1, cause))) {
					return;
				}
				this.done.completeExceptionally(cause);
			});
		}

		private void resend(int resent, Throwable last) {
			long left = this.deadline - System.nanoTime();
			if (this.call.isDone() || left <= 0) {
				this.done.completeExceptionally(last);
				return;
			}
			CompletableFuture<Void> sent;
			try {
				sent = this.transport.sendAsync(this.target, this.body, Duration.ofNanos(left));
			}
			catch (RuntimeException ex) {
				sent = CompletableFuture.failedFuture(ex);
			}
			follow(sent, resent);
		}

	}

}
