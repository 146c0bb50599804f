package io.oslo4j.rpc.boot.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;

/**
 * An endpoint served by the server contexts.
 */
@RpcEndpoint(version = "1.2")
public class InventoryEndpoint {

	/** Released by the graceful-stop test. */
	public static volatile CountDownLatch release = new CountDownLatch(0);

	/** Events received by casts and fanout casts, per instance. */
	public final List<String> events = new CopyOnWriteArrayList<>();

	public int reserve(String sku, int count) {
		return sku.length() + count;
	}

	public int reserveAsync(String sku, int count) {
		return reserve(sku, count);
	}

	public String whoami(RpcContext ctx) {
		return String.valueOf(ctx.get("request_id"));
	}

	public String slow(String value) throws InterruptedException {
		if (!release.await(20, TimeUnit.SECONDS)) {
			throw new IllegalStateException("not released");
		}
		return value.toUpperCase();
	}

	public String slowAsync(String value) throws InterruptedException {
		return slow(value);
	}

	public void record(String event) {
		this.events.add(event);
	}

	public void refresh(String event) {
		this.events.add(event);
	}

}
