package io.oslo4j.rpc.server;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The work queue of a server's own workers ({@link WorkerQueue}): a bounded FIFO of
 * requests whose idle workers are woken in the reverse order they went idle. A request
 * that finds a worker idle is handed straight to the one that went idle last, whose
 * thread is the likeliest to be warm (cached, on a CPU that just ran it); a
 * {@code ArrayBlockingQueue} wakes the one idle the longest, so a server with 64 workers
 * and one request at a time rotates through all 64. Workers never needed at once stay at
 * the bottom of the stack and end after the pool's keep-alive.
 * <p>
 * The pool grows through this queue: with no worker idle, {@link #offer} refuses while
 * the pool is below its maximum size, so that the executor starts a worker (a pool with
 * no core threads, as a cached pool), and queues the request once the pool is full. A
 * request that finds no room is refused (the executor's rejection handler then says
 * "busy") and {@link #put} waits for room.
 */
final class LastIdleFirstQueue extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notFull = this.lock.newCondition();

	private final int capacity;

	private final ArrayDeque<Runnable> items;

	// idle workers, the last one to go idle first; never non-empty while items is not
	private final ArrayDeque<Idle> idle = new ArrayDeque<>();

	private final ThreadLocal<Idle> idleOfThread = ThreadLocal.withInitial(Idle::new);

	private final int maxThreads;

	// the threads of the pool, counted by the factory that makes them
	private final AtomicInteger threads = new AtomicInteger();

	/**
	 * Makes a queue.
	 * @param capacity how many requests may wait for a worker (at least 1)
	 * @param maxThreads the maximum size of the pool it feeds: while fewer threads were
	 * made by {@link #counting(ThreadFactory)}, a request that finds no worker idle is
	 * refused so that the pool starts one; 0 for a queue that only queues
	 */
	LastIdleFirstQueue(int capacity, int maxThreads) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		this.capacity = capacity;
		this.maxThreads = maxThreads;
		this.items = new ArrayDeque<>(Math.min(capacity, 256));
	}

	/**
	 * Returns a factory of the pool's threads that counts those alive (from their making
	 * until their end): the pool grows while there are fewer than its maximum.
	 * @param factory makes the threads
	 * @return the counting factory
	 */
	ThreadFactory counting(ThreadFactory factory) {
		return (runnable) -> {
			this.threads.incrementAndGet();
			try {
				return factory.newThread(() -> {
					try {
						runnable.run();
					}
					finally {
						this.threads.decrementAndGet();
					}
				});
			}
			catch (RuntimeException | Error ex) {
				this.threads.decrementAndGet();
				throw ex;
			}
		};
	}

	@Override
	public boolean offer(Runnable task) {
		Idle woken;
		this.lock.lock();
		try {
			woken = this.idle.pollFirst();
			if (woken == null) {
				if (this.threads.get() < this.maxThreads || this.items.size() >= this.capacity) {
					return false;
				}
				this.items.addLast(task);
				return true;
			}
			woken.task = task;
		}
		finally {
			this.lock.unlock();
		}
		LockSupport.unpark(woken.thread);
		return true;
	}

	@Override
	public boolean offer(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
		long left = unit.toNanos(timeout);
		Idle woken;
		this.lock.lockInterruptibly();
		try {
			while ((woken = this.idle.pollFirst()) == null && this.items.size() >= this.capacity) {
				if (left <= 0) {
					return false;
				}
				left = this.notFull.awaitNanos(left);
			}
			if (woken == null) {
				this.items.addLast(task);
				return true;
			}
			woken.task = task;
		}
		finally {
			this.lock.unlock();
		}
		LockSupport.unpark(woken.thread);
		return true;
	}

	@Override
	public void put(Runnable task) throws InterruptedException {
		offer(task, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
	}

	@Override
	public @Nullable Runnable poll() {
		this.lock.lock();
		try {
			return taken(this.items.pollFirst());
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Runnable take() throws InterruptedException {
		Runnable task = await(false, 0);
		if (task == null) {
			throw new IllegalStateException("an untimed wait ends with a task");
		}
		return task;
	}

	@Override
	public @Nullable Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
		return await(true, unit.toNanos(timeout));
	}

	/**
	 * Takes the first queued request, or waits, as the last worker to go idle, until one
	 * is handed over; {@code null} once a timed wait is over.
	 */
	private @Nullable Runnable await(boolean timed, long nanos) throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		Idle self;
		this.lock.lock();
		try {
			Runnable queued = taken(this.items.pollFirst());
			if (queued != null || (timed && nanos <= 0)) {
				return queued;
			}
			self = this.idleOfThread.get();
			self.task = null;
			this.idle.addFirst(self);
		}
		finally {
			this.lock.unlock();
		}
		long deadline = timed ? System.nanoTime() + nanos : 0;
		while (true) {
			Runnable task = self.task;
			if (task != null) {
				return task;
			}
			if (Thread.interrupted()) {
				task = leave(self);
				if (task == null) {
					throw new InterruptedException();
				}
				// handed over as this was interrupted: run it, interrupted
				Thread.currentThread().interrupt();
				return task;
			}
			if (timed) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return leave(self);
				}
				LockSupport.parkNanos(this, left);
			}
			else {
				LockSupport.park(this);
			}
		}
	}

	/** Stops waiting: the task handed over meanwhile, or {@code null}. */
	private @Nullable Runnable leave(Idle self) {
		this.lock.lock();
		try {
			Runnable task = self.task;
			if (task == null) {
				this.idle.removeFirstOccurrence(self);
			}
			return task;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** A request taken from the queue leaves room: a waiting {@link #put} may go on. */
	private @Nullable Runnable taken(@Nullable Runnable task) {
		if (task != null) {
			this.notFull.signal();
		}
		return task;
	}

	@Override
	public @Nullable Runnable peek() {
		this.lock.lock();
		try {
			return this.items.peekFirst();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean remove(@Nullable Object task) {
		this.lock.lock();
		try {
			return taken(this.items.removeFirstOccurrence(task) ? (Runnable) task : null) != null;
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public int size() {
		this.lock.lock();
		try {
			return this.items.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public int remainingCapacity() {
		return this.capacity - size();
	}

	@Override
	public int drainTo(Collection<? super Runnable> target) {
		return drainTo(target, Integer.MAX_VALUE);
	}

	@Override
	public int drainTo(Collection<? super Runnable> target, int maxElements) {
		if (target == this) {
			throw new IllegalArgumentException("cannot drain a queue into itself");
		}
		this.lock.lock();
		try {
			int drained = 0;
			while (drained < maxElements && !this.items.isEmpty()) {
				target.add(this.items.pollFirst());
				drained++;
			}
			if (drained > 0) {
				this.notFull.signalAll();
			}
			return drained;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns an iterator over the requests queued when it was made; its {@code remove}
	 * takes the request out of this queue.
	 */
	@Override
	public Iterator<Runnable> iterator() {
		List<Runnable> snapshot;
		this.lock.lock();
		try {
			snapshot = List.copyOf(this.items);
		}
		finally {
			this.lock.unlock();
		}
		Iterator<Runnable> each = snapshot.iterator();
		return new Iterator<>() {

			private @Nullable Runnable last;

			@Override
			public boolean hasNext() {
				return each.hasNext();
			}

			@Override
			public Runnable next() {
				Runnable next = each.next();
				this.last = next;
				return next;
			}

			@Override
			public void remove() {
				Runnable removed = this.last;
				if (removed == null) {
					throw new IllegalStateException("next() was not called");
				}
				this.last = null;
				LastIdleFirstQueue.this.remove(removed);
			}

		};
	}

	/** An idle worker: its thread, and the request handed to it. */
	private static final class Idle {

		final Thread thread = Thread.currentThread();

		volatile @Nullable Runnable task;

	}

}
