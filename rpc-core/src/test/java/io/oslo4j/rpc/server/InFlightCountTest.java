package io.oslo4j.rpc.server;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link InFlightCount}: a graceful stop waits for the count to reach zero, within its
 * timeout.
 */
@Timeout(30)
class InFlightCountTest {

	private final InFlightCount count = new InFlightCount();

	@Test
	void nothingInFlightNeedsNoWait() throws Exception {
		assertThat(this.count.awaitZero(0)).isTrue();
	}

	@Test
	void theWaitEndsFalseAtItsTimeoutWhileSomethingIsInFlight() throws Exception {
		this.count.increment();
		long start = System.nanoTime();
		assertThat(this.count.awaitZero(TimeUnit.MILLISECONDS.toNanos(100))).isFalse();
		assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
		assertThat(this.count.get()).isEqualTo(1);
	}

	@Test
	void theWaiterIsWokenWhenTheLastOneEnds() throws Exception {
		this.count.increment();
		this.count.increment();
		boolean[] result = new boolean[1];
		Thread waiter = new Thread(() -> {
			try {
				result[0] = this.count.awaitZero(TimeUnit.SECONDS.toNanos(20));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		waiter.start();
		await().until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
		this.count.decrement();
		assertThat(waiter.isAlive()).isTrue();
		this.count.decrement();
		long start = System.nanoTime();
		waiter.join(5000);
		assertThat(waiter.isAlive()).isFalse();
		assertThat(result[0]).isTrue();
		assertThat(System.nanoTime() - start).as("woken, not timed out").isLessThan(TimeUnit.SECONDS.toNanos(5));
	}

}
