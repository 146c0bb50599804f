package io.oslo4j.rpc.reliability;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.annotation.RpcEndpoint;

/**
 * The endpoint of the fault tests: counts every cast by id (to find lost and duplicated
 * casts), answers calls, and can hold calls at a gate or make them slow.
 */
@RpcEndpoint(version = "1.0")
public class FaultEndpoint {

	private final String name;

	private final Map<String, AtomicInteger> casts = new ConcurrentHashMap<>();

	private final Queue<String> held = new ConcurrentLinkedQueue<>();

	private final AtomicInteger finished = new AtomicInteger();

	private final AtomicInteger adds = new AtomicInteger();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	public FaultEndpoint(String name) {
		this.name = name;
	}

	public int add(int a, int b) {
		this.adds.incrementAndGet();
		return a + b;
	}

	public void record(String id) {
		this.casts.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
	}

	public String whoami() {
		return this.name;
	}

	public String hold(String id) throws InterruptedException {
		this.held.add(id);
		try {
			this.gate.await(60, TimeUnit.SECONDS);
			return this.name + ":" + id;
		}
		finally {
			this.finished.incrementAndGet();
		}
	}

	public String work(long millis) throws InterruptedException {
		Thread.sleep(millis);
		this.finished.incrementAndGet();
		return this.name;
	}

	/** Returns how many times each cast id was processed. */
	Map<String, AtomicInteger> casts() {
		return this.casts;
	}

	/** Returns how many {@code add} calls ran. */
	int adds() {
		return this.adds.get();
	}

	/** Returns the ids of the calls that reached {@link #hold}. */
	Queue<String> held() {
		return this.held;
	}

	/** Returns how many {@link #hold} and {@link #work} calls returned. */
	int finished() {
		return this.finished.get();
	}

	/** Makes {@link #hold} wait until {@link #openGate()}. */
	void closeGate() {
		this.gate = new CountDownLatch(1);
	}

	/** Releases every held call. */
	void openGate() {
		this.gate.countDown();
	}

}
