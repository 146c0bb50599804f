package io.oslo4j.rpc.transport;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link RetryTimer} runs a retry after its delay on its own thread, and at once on the
 * closing thread when closed first; nothing is taken after the close.
 */
@Timeout(10)
class RetryTimerTest {

	private final CopyOnWriteArrayList<String> ran = new CopyOnWriteArrayList<>();

	@Test
	void aRetryRunsAfterItsDelayOnTheTimersThread() {
		try (RetryTimer timer = new RetryTimer("test-retry")) {
			long start = System.nanoTime();
			assertThat(timer.schedule(TimeUnit.MILLISECONDS.toNanos(100), this::record)).isTrue();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.ran.size() == 1);
			assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
			assertThat(this.ran).containsExactly("test-retry");
		}
	}

	@Test
	void closingRunsTheWaitingRetriesAtOnceAndTakesNoMore() {
		RetryTimer timer = new RetryTimer("test-retry");
		assertThat(timer.schedule(TimeUnit.MINUTES.toNanos(10), this::record)).isTrue();
		timer.close();
		assertThat(this.ran).containsExactly(Thread.currentThread().getName());
		assertThat(timer.schedule(0, this::record)).isFalse();
		timer.close();
		assertThat(this.ran).hasSize(1);
	}

	private void record() {
		this.ran.add(Thread.currentThread().getName());
	}

}
