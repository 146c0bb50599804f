package io.oslo4j.rpc.boot.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.boot.autoconfigure.RpcProperties;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An endpoint served by the server contexts.
 */
@RpcEndpoint(version = "1.2")
public class InventoryEndpoint {

	/** Released by the graceful-stop test. */
	public static volatile CountDownLatch release = new CountDownLatch(0);

	/** Events received by casts and fanout casts, per instance. */
	public final List<String> events = new CopyOnWriteArrayList<>();

	private final String serverName;

	public InventoryEndpoint(RpcProperties properties) {
		this.serverName = properties.getServer().effectiveName();
	}

	/**
	 * Waits until a fanout cast reached both endpoints and a cast exactly one.
	 * @param one the first server's endpoint
	 * @param two the second server's endpoint
	 * @param cast the event sent by cast
	 * @param fanout the event sent by fanout cast
	 */
	public static void awaitCastAndFanout(InventoryEndpoint one, InventoryEndpoint two, String cast, String fanout) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(one.events).contains(fanout);
			assertThat(two.events).contains(fanout);
			assertThat(List.of(one.events, two.events)).filteredOn((events) -> events.contains(cast)).hasSize(1);
		});
	}

	public String serverName() {
		return this.serverName;
	}

	public Map<String, @Nullable Object> context(RpcContext ctx) {
		return ctx.asMap();
	}

	public int take(String sku) {
		throw new OutOfStockException("no " + sku + " left");
	}

	public int broken(String sku) {
		throw new IllegalStateException("broken " + sku);
	}

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
