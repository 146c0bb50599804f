package io.oslo4j.rpc.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Workers on an application's executor keep the bounds of the server's own pool: at most
 * the limit runs at once, the queue holds the next ones, and beyond it the consumer is
 * told to wait; a stop lets what was taken finish.
 */
@Timeout(30)
class ExecutorWorkersTest {

	private final ExecutorService application = Executors.newCachedThreadPool();

	private final CountDownLatch gate = new CountDownLatch(1);

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger maxRunning = new AtomicInteger();

	private final List<Integer> done = new CopyOnWriteArrayList<>();

	@AfterEach
	void shutDown() {
		this.gate.countDown();
		this.application.shutdownNow();
	}

	@Test
	void atMostTheLimitRunsAtOnceAndTheQueueHoldsTheNextOnes() {
		ExecutorWorkers workers = new ExecutorWorkers(this.application, 2, 3);
		for (int i = 0; i < 5; i++) {
			assertThat(workers.offer(task(i))).isEqualTo(Workers.Offer.HANDED);
		}
		await().atMost(5, TimeUnit.SECONDS).until(() -> this.running.get() == 2);
		assertThat(workers.offer(task(5))).as("limit running and queue full").isEqualTo(Workers.Offer.BUSY);
		assertThat(workers.active()).isEqualTo(2);
		assertThat(workers.queued()).isEqualTo(3);
		assertThat(workers.queueRemaining()).isZero();
		assertThat(workers.inFlight()).isEqualTo(5);
		assertThat(workers.maxActive()).isEqualTo(2);
		this.gate.countDown();
		await().atMost(5, TimeUnit.SECONDS).until(() -> this.done.size() == 5);
		assertThat(this.maxRunning.get()).isEqualTo(2);
		assertThat(this.done).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
		await().atMost(5, TimeUnit.SECONDS).until(() -> workers.completed() == 5 && workers.inFlight() == 0);
	}

	@Test
	void aConsumerWaitingForRoomGoesOnOnceATaskFinishes() throws Exception {
		ExecutorWorkers workers = new ExecutorWorkers(this.application, 1, 1);
		workers.offer(task(0));
		workers.offer(task(1));
		assertThat(workers.offer(task(2))).isEqualTo(Workers.Offer.BUSY);
		Thread consumer = new Thread(() -> assertThat(workers.put(task(2))).isTrue());
		consumer.start();
		await().atMost(5, TimeUnit.SECONDS).until(() -> consumer.getState() == Thread.State.WAITING);
		this.gate.countDown();
		consumer.join(5000);
		await().atMost(5, TimeUnit.SECONDS).until(() -> this.done.size() == 3);
		assertThat(this.maxRunning.get()).isEqualTo(1);
	}

	@Test
	void aStopLetsTakenTasksFinishAndRefusesNewOnes() throws Exception {
		ExecutorWorkers workers = new ExecutorWorkers(this.application, 1, 4);
		workers.offer(task(0));
		workers.offer(task(1));
		workers.shutdown();
		assertThat(workers.isStopping()).isTrue();
		assertThat(workers.offer(task(2))).isEqualTo(Workers.Offer.STOPPING);
		assertThat(workers.awaitTermination(TimeUnit.MILLISECONDS.toNanos(100))).as("gate closed").isFalse();
		this.gate.countDown();
		assertThat(workers.awaitTermination(TimeUnit.SECONDS.toNanos(5))).isTrue();
		assertThat(this.done).containsExactly(0, 1);
	}

	@Test
	void shutdownNowInterruptsRunningTasksAndDropsQueuedOnes() throws Exception {
		ExecutorWorkers workers = new ExecutorWorkers(this.application, 1, 4);
		workers.offer(task(0));
		workers.offer(task(1));
		await().atMost(5, TimeUnit.SECONDS).until(() -> this.running.get() == 1);
		workers.shutdownNow();
		assertThat(workers.awaitTermination(TimeUnit.SECONDS.toNanos(5))).isTrue();
		assertThat(this.done).isEmpty();
	}

	@Test
	void aTaskTheExecutorRefusesRunsOnTheThreadThatHandedItOver() {
		ExecutorWorkers workers = new ExecutorWorkers((task) -> {
			throw new RejectedExecutionException("saturated");
		}, 2, 2);
		List<String> threads = new CopyOnWriteArrayList<>();
		assertThat(workers.offer(() -> threads.add(Thread.currentThread().getName()))).isEqualTo(Workers.Offer.HANDED);
		assertThat(threads).containsExactly(Thread.currentThread().getName());
		assertThat(workers.inFlight()).isZero();
		assertThat(workers.completed()).isEqualTo(1);
	}

	private Runnable task(int id) {
		return () -> {
			this.maxRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				if (this.gate.await(20, TimeUnit.SECONDS)) {
					this.done.add(id);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.running.decrementAndGet();
			}
		};
	}

}
