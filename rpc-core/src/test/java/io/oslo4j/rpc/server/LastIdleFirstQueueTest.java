package io.oslo4j.rpc.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The work queue of a server's own workers hands a request to the worker that went idle
 * last, queues requests in order once the pool is full, makes the pool grow while it is
 * not, and loses nothing when a wait ends or is interrupted.
 */
@Timeout(30)
class LastIdleFirstQueueTest {

	private final List<Thread> threads = new ArrayList<>();

	private final List<ThreadPoolExecutor> pools = new ArrayList<>();

	@AfterEach
	void stop() {
		this.threads.forEach(Thread::interrupt);
		this.pools.forEach(ThreadPoolExecutor::shutdownNow);
	}

	@Test
	void aRequestGoesToTheWorkerThatWentIdleLast() {
		LastIdleFirstQueue queue = new LastIdleFirstQueue(8, 0);
		AtomicReference<@Nullable Runnable> firstGot = new AtomicReference<>();
		AtomicReference<@Nullable Runnable> secondGot = new AtomicReference<>();
		Thread first = waiter(queue, firstGot);
		awaitParked(first, queue);
		Thread second = waiter(queue, secondGot);
		awaitParked(second, queue);
		Runnable task = () -> {
		};
		assertThat(queue.offer(task)).isTrue();
		await().atMost(5, TimeUnit.SECONDS).until(() -> secondGot.get() == task);
		assertThat(firstGot.get()).as("the worker idle the longest sleeps on").isNull();
		assertThat(queue).as("handed over, not queued").isEmpty();
		Runnable next = () -> {
		};
		assertThat(queue.offer(next)).isTrue();
		await().atMost(5, TimeUnit.SECONDS).until(() -> firstGot.get() == next);
	}

	@Test
	void withNoWorkerIdleTheQueueRefusesWhileThePoolCanGrowAndQueuesOnceItIsFull() {
		LastIdleFirstQueue queue = new LastIdleFirstQueue(2, 1);
		assertThat(queue.offer(() -> {
		})).as("no thread yet: the pool starts one").isFalse();
		queue.counting(Thread::new).newThread(() -> {
		});
		Runnable a = () -> {
		};
		Runnable b = () -> {
		};
		assertThat(queue.offer(a)).isTrue();
		assertThat(queue.offer(b)).isTrue();
		assertThat(queue.offer(() -> {
		})).as("full").isFalse();
		assertThat(queue.remainingCapacity()).isZero();
		assertThat(queue.peek()).isSameAs(a);
		assertThat(queue.poll()).isSameAs(a);
		assertThat(queue.poll()).isSameAs(b);
		assertThat(queue.poll()).isNull();
	}

	@Test
	void aThreadThatEndsNoLongerCountsForThePool() {
		LastIdleFirstQueue queue = new LastIdleFirstQueue(2, 1);
		Thread thread = queue.counting(Thread::new).newThread(() -> {
		});
		assertThat(queue.offer(() -> {
		})).as("one thread made").isTrue();
		queue.clear();
		thread.start();
		await().atMost(5, TimeUnit.SECONDS).until(() -> !thread.isAlive());
		assertThat(queue.offer(() -> {
		})).as("the thread ended: the pool may start another").isFalse();
	}

	@Test
	void aTimedWaitEndsWithNothingAndLeavesTheIdleWorkers() throws InterruptedException {
		LastIdleFirstQueue queue = new LastIdleFirstQueue(4, 0);
		assertThat(queue.poll(20, TimeUnit.MILLISECONDS)).isNull();
		assertThat(queue.poll(0, TimeUnit.MILLISECONDS)).isNull();
		Runnable task = () -> {
		};
		assertThat(queue.offer(task)).isTrue();
		assertThat(queue).as("queued, not handed to the worker that stopped waiting").containsExactly(task);
		assertThat(queue.poll(0, TimeUnit.MILLISECONDS)).isSameAs(task);
	}

	@Test
	void anInterruptedWaitThrowsAndLeavesTheIdleWorkers() throws InterruptedException {
		LastIdleFirstQueue queue = new LastIdleFirstQueue(4, 0);
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		Thread waiter = start(() -> {
			try {
				queue.take();
			}
			catch (InterruptedException ex) {
				failure.set(ex);
			}
		});
		awaitParked(waiter, queue);
		waiter.interrupt();
		await().atMost(5, TimeUnit.SECONDS).until(() -> failure.get() instanceof InterruptedException);
		Runnable task = () -> {
		};
		assertThat(queue.offer(task)).isTrue();
		assertThat(queue).containsExactly(task);
		Thread.currentThread().interrupt();
		try {
			queue.poll(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			assertThat(queue).as("an interrupted thread takes nothing").containsExactly(task);
			return;
		}
		throw new AssertionError("an interrupted thread must not wait");
	}

	@Test
	void putWaitsForRoomAndAWaitingWorkerGetsItDirectly() throws InterruptedException {
		LastIdleFirstQueue queue = new LastIdleFirstQueue(1, 0);
		Runnable a = () -> {
		};
		Runnable b = () -> {
		};
		assertThat(queue.offer(a)).isTrue();
		assertThat(queue.offer(b, 10, TimeUnit.MILLISECONDS)).as("full").isFalse();
		CountDownLatch put = new CountDownLatch(1);
		Thread putter = start(() -> {
			try {
				queue.put(b);
				put.countDown();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		await().atMost(5, TimeUnit.SECONDS).until(() -> putter.getState() == Thread.State.TIMED_WAITING);
		assertThat(put.getCount()).isOne();
		assertThat(queue.take()).isSameAs(a);
		assertThat(put.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(queue.take()).isSameAs(b);
		AtomicReference<@Nullable Runnable> got = new AtomicReference<>();
		Thread worker = waiter(queue, got);
		awaitParked(worker, queue);
		Runnable c = () -> {
		};
		queue.put(c);
		await().atMost(5, TimeUnit.SECONDS).until(() -> got.get() == c);
	}

	@Test
	void queuedRequestsCanBeDrainedRemovedAndIterated() {
		LastIdleFirstQueue queue = new LastIdleFirstQueue(8, 0);
		List<Runnable> tasks = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			int n = i;
			// capturing, so that each is an object of its own
			Runnable task = () -> tasks.get(n);
			tasks.add(task);
			queue.offer(task);
		}
		assertThat(queue.remove(tasks.get(1))).isTrue();
		assertThat(queue.remove(tasks.get(1))).isFalse();
		Iterator<Runnable> each = queue.iterator();
		assertThatIllegalStateException().isThrownBy(each::remove);
		assertThat(each.next()).isSameAs(tasks.get(0));
		each.remove();
		assertThat(queue).containsExactly(tasks.get(2), tasks.get(3), tasks.get(4));
		List<Runnable> drained = new ArrayList<>();
		assertThat(queue.drainTo(drained, 2)).isEqualTo(2);
		assertThat(queue.drainTo(drained)).isOne();
		assertThat(drained).containsExactly(tasks.get(2), tasks.get(3), tasks.get(4));
		assertThat(queue).isEmpty();
		assertThat(queue.remainingCapacity()).isEqualTo(8);
		assertThatIllegalArgumentException().isThrownBy(() -> queue.drainTo(queue));
		assertThatIllegalArgumentException().isThrownBy(() -> new LastIdleFirstQueue(0, 1))
			.withMessageContaining("capacity must be at least 1, was 0");
	}

	@Test
	void theServerPoolGrowsToItsSizeThenQueuesThenSaysBusyAndRunsEverything() {
		WorkerQueue workers = WorkerQueue.pool(2, 3, "growing", null);
		CountDownLatch gate = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		List<Integer> done = new CopyOnWriteArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				int n = i;
				assertThat(workers.offer(() -> {
					running.incrementAndGet();
					try {
						gate.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					done.add(n);
				})).isEqualTo(Workers.Offer.HANDED);
			}
			await().atMost(5, TimeUnit.SECONDS).until(() -> running.get() == 2);
			assertThat(workers.queued()).isEqualTo(3);
			assertThat(workers.offer(() -> {
			})).isEqualTo(Workers.Offer.BUSY);
			gate.countDown();
			await().atMost(5, TimeUnit.SECONDS).until(() -> done.size() == 5);
			assertThat(done).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
		}
		finally {
			workers.shutdownNow();
		}
	}

	@Test
	void workersNeverNeededAtOnceEndAfterTheKeepAliveWhileTheLastIdleOneIsReused() {
		LastIdleFirstQueue queue = new LastIdleFirstQueue(16, 4);
		ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 4, 100, TimeUnit.MILLISECONDS, queue,
				queue.counting(Executors.defaultThreadFactory()), WorkerQueue::refuse);
		this.pools.add(pool);
		CountDownLatch gate = new CountDownLatch(1);
		for (int i = 0; i < 4; i++) {
			pool.execute(() -> {
				try {
					gate.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}
		assertThat(pool.getPoolSize()).isEqualTo(4);
		gate.countDown();
		Set<Thread> used = ConcurrentHashMap.newKeySet();
		// one request at a time, more often than the keep-alive: a queue that wakes the
		// worker idle the longest would keep all four alive
		await().atMost(10, TimeUnit.SECONDS).pollInterval(10, TimeUnit.MILLISECONDS).until(() -> {
			CountDownLatch ran = new CountDownLatch(1);
			pool.execute(() -> {
				used.add(Thread.currentThread());
				ran.countDown();
			});
			ran.await();
			return pool.getPoolSize() == 1;
		});
		assertThat(used).hasSizeGreaterThanOrEqualTo(1);
	}

	@Test
	void everyRequestRunsOnceUnderManyProducersAndWorkersThatComeAndGo() {
		LastIdleFirstQueue queue = new LastIdleFirstQueue(64, 8);
		// a keep-alive of 1 ms: waits end while requests are handed over
		ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 8, 1, TimeUnit.MILLISECONDS, queue,
				queue.counting(Executors.defaultThreadFactory()), WorkerQueue::refuse);
		this.pools.add(pool);
		WorkerQueue workers = new WorkerQueue(pool, null);
		int producers = 4;
		int each = 5_000;
		AtomicInteger ran = new AtomicInteger();
		AtomicInteger lost = new AtomicInteger();
		Set<Integer> seen = ConcurrentHashMap.newKeySet();
		for (int p = 0; p < producers; p++) {
			int base = p * each;
			start(() -> {
				for (int i = 0; i < each; i++) {
					int id = base + i;
					Runnable task = () -> {
						if (seen.add(id)) {
							ran.incrementAndGet();
						}
						if ((id & 63) == 0) {
							LockSupport.parkNanos(20_000);
						}
					};
					if (workers.offer(task) == Workers.Offer.BUSY && !workers.put(task)) {
						lost.incrementAndGet();
					}
				}
			});
		}
		await().atMost(20, TimeUnit.SECONDS).until(() -> ran.get() == producers * each);
		await().atMost(5, TimeUnit.SECONDS).until(() -> pool.getCompletedTaskCount() == producers * each);
		assertThat(lost).hasValue(0);
		assertThat(ran).as("each once").hasValue(producers * each);
	}

	private Thread waiter(LastIdleFirstQueue queue, AtomicReference<@Nullable Runnable> got) {
		return start(() -> {
			try {
				got.set(queue.take());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	private Thread start(Runnable body) {
		Thread thread = new Thread(body, "last-idle-first-test");
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
		return thread;
	}

	private static void awaitParked(Thread thread, Object blocker) {
		await().atMost(5, TimeUnit.SECONDS).until(() -> LockSupport.getBlocker(thread) == blocker);
	}

}
