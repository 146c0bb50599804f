package io.oslo4j.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.ExpectedExceptions;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.boot.autoconfigure.RpcProperties;
import io.oslo4j.rpc.notify.Notifier;
import org.jspecify.annotations.Nullable;

/**
 * The calculator, served on {@code rpc.server.topic} (version 1.1, no namespace). Any
 * oslo.messaging client can call it: {@code client.call(ctxt, 'add', a=2, b=3)}.
 */
@RpcEndpoint(version = "1.1")
public class CalculatorEndpoint {

	private final String serverName;

	private final List<@Nullable Object> events = new CopyOnWriteArrayList<>();

	private final Notifier notifier;

	public CalculatorEndpoint(RpcProperties properties, Notifier notifier) {
		this.serverName = properties.getServer().effectiveName();
		this.notifier = notifier;
	}

	/**
	 * Adds two integers.
	 * @param a the first
	 * @param b the second
	 * @return the sum
	 */
	public long add(long a, long b) {
		return Math.addExact(a, b);
	}

	/**
	 * Returns the value it was given, whatever its JSON shape.
	 * @param value the value
	 * @return the same value
	 */
	public @Nullable Object echo(@Nullable Object value) {
		return value;
	}

	/**
	 * Sleeps, then says so: long enough to see call-monitor heartbeats at work.
	 * @param seconds how long
	 * @return {@code "slept N"}
	 * @throws InterruptedException when the server stops
	 */
	public String sleep(int seconds) throws InterruptedException {
		if (seconds < 0 || seconds > 3600) {
			throw new IllegalArgumentException("seconds must be between 0 and 3600, was " + seconds);
		}
		Thread.sleep(seconds * 1000L);
		return "slept " + seconds;
	}

	/**
	 * Always fails: shows how remote failures travel.
	 * @param message the message of the exception
	 */
	@ExpectedExceptions(IllegalArgumentException.class)
	public void fail(String message) {
		throw new IllegalArgumentException(message);
	}

	/**
	 * Returns this server's name and the request context it received.
	 * @param ctx the request context
	 * @return {@code {server, context}}
	 */
	public Map<String, Object> whoami(RpcContext ctx) {
		return Map.of("server", this.serverName, "context", ctx.asMap());
	}

	/**
	 * Records an event (called as a cast), then emits the notification
	 * {@value SampleNotifications#EVENT_RECORDED} (INFO) with {@code {server, event}}.
	 * @param ctx the request context, passed on to the notification
	 * @param event the event
	 */
	public void record(RpcContext ctx, @Nullable Object event) {
		this.events.add(event);
		Map<String, @Nullable Object> payload = new LinkedHashMap<>();
		payload.put("server", this.serverName);
		payload.put("event", event);
		this.notifier.info(ctx, SampleNotifications.EVENT_RECORDED, payload);
	}

	/**
	 * Returns the events recorded so far on this server.
	 * @return the events
	 */
	public List<@Nullable Object> events() {
		return List.copyOf(this.events);
	}

}
