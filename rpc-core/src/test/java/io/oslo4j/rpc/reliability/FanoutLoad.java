package io.oslo4j.rpc.reliability;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.client.RpcTemplate;

/**
 * Fanout casts {@code record(fan-<n>)}, 20 a second, recording which were confirmed
 * ({@code cast()} returned) and which failed.
 */
final class FanoutLoad implements Runnable {

	private final RpcTemplate fanout;

	final Set<String> confirmed = ConcurrentHashMap.newKeySet();

	final AtomicLong failed = new AtomicLong();

	final AtomicReference<String> lastFailure = new AtomicReference<>("none");

	volatile boolean running = true;

	/**
	 * Makes the load.
	 * @param fanout a template prepared for fanout casts
	 */
	FanoutLoad(RpcTemplate fanout) {
		this.fanout = fanout;
	}

	@Override
	public void run() {
		for (int n = 0; this.running; n++) {
			String id = "fan-" + n;
			try {
				this.fanout.cast(RpcContext.empty(), "record", Map.of("id", id));
				this.confirmed.add(id);
			}
			catch (RuntimeException ex) {
				this.failed.incrementAndGet();
				this.lastFailure.set(String.valueOf(ex));
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
		}
	}

}
