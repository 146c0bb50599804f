package io.oslo4j.rpc.rabbit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reply queues found missing for longer than the reply retry timeout (oslo's
 * {@code ObsoleteReplyQueuesCache}): replies to them are dropped at once for a while (60
 * s, at most 200 queues) instead of blocking a worker again.
 */
final class ObsoleteReplyQueues {

	static final int MAX_SIZE = 200;

	static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(60);

	private final Map<String, Long> expiries = new LinkedHashMap<>();

	private final Lock lock = new ReentrantLock();

	void add(String queue) {
		this.lock.lock();
		try {
			evictExpired(System.nanoTime());
			this.expiries.remove(queue);
			this.expiries.put(queue, System.nanoTime() + TTL_NANOS);
			if (this.expiries.size() > MAX_SIZE) {
				Iterator<String> eldest = this.expiries.keySet().iterator();
				eldest.next();
				eldest.remove();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	boolean contains(String queue) {
		this.lock.lock();
		try {
			if (this.expiries.isEmpty()) {
				return false;
			}
			evictExpired(System.nanoTime());
			return this.expiries.containsKey(queue);
		}
		finally {
			this.lock.unlock();
		}
	}

	private void evictExpired(long now) {
		this.expiries.values().removeIf((expiry) -> expiry - now <= 0);
	}

}
