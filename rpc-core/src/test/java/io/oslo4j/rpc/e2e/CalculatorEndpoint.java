package io.oslo4j.rpc.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.ExpectedExceptions;
import io.oslo4j.rpc.annotation.RpcEndpoint;

/**
 * The endpoint the end-to-end tests call.
 */
@RpcEndpoint(version = "1.1")
public class CalculatorEndpoint {

	final String name;

	final AtomicInteger calls = new AtomicInteger();

	final List<Object> events = new CopyOnWriteArrayList<>();

	volatile CountDownLatch gate = new CountDownLatch(0);

	public CalculatorEndpoint(String name) {
		this.name = name;
	}

	public int add(int a, int b) {
		this.calls.incrementAndGet();
		return a + b;
	}

	public Object echo(Object value) {
		return value;
	}

	public Map<String, Object> whoami(RpcContext ctx) {
		this.calls.incrementAndGet();
		return Map.of("server", this.name, "context", ctx.asMap());
	}

	public String sleep(double seconds) throws InterruptedException {
		Thread.sleep((long) (seconds * 1000));
		return "slept " + seconds;
	}

	public String waitForGate() throws InterruptedException {
		this.gate.await(30, TimeUnit.SECONDS);
		return "released";
	}

	@ExpectedExceptions(IllegalArgumentException.class)
	public void fail(String message) {
		throw new IllegalArgumentException(message);
	}

	public void record(Object event) {
		this.events.add(event);
	}

	public Point move(Point point, int dx) {
		return new Point(point.x() + dx, point.y());
	}

	public record Point(int x, int y) {
	}

}
