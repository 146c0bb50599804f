package io.oslo4j.rpc.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.RpcContext;
import org.jspecify.annotations.Nullable;

/**
 * The Java mirror of {@code oslo_server.py}'s main endpoint (no namespace, version 1.0),
 * for Python clients: the same method names, arguments and results, except that Java has
 * no {@code **kw}, so {@code echo} and {@code record} take named arguments.
 */
public class JavaInteropEndpoint {

	final String server;

	final List<Map<String, @Nullable Object>> recorded = new CopyOnWriteArrayList<>();

	public JavaInteropEndpoint(String server) {
		this.server = server;
	}

	/**
	 * Returns the context and the value, like Python's {@code echo(ctxt, **kw)} called
	 * with {@code value=...}.
	 * @param ctxt the request context
	 * @param value the value
	 * @return {@code {"ctxt": ..., "kw": {"value": ...}}}
	 */
	public Map<String, @Nullable Object> echo(RpcContext ctxt, @Nullable Object value) {
		Map<String, @Nullable Object> kw = new LinkedHashMap<>();
		kw.put("value", value);
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		result.put("ctxt", ctxt.asMap());
		result.put("kw", kw);
		return result;
	}

	public @Nullable Object echo_value(@Nullable Object value) {
		return value;
	}

	public long add(long a, long b) {
		return a + b;
	}

	public void fail(String message) {
		throw new IllegalArgumentException(message);
	}

	public String sleep(Number seconds) throws InterruptedException {
		Thread.sleep((long) (seconds.doubleValue() * 1000));
		return "slept " + seconds;
	}

	public Map<String, @Nullable Object> whoami(RpcContext ctxt) {
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		result.put("server", this.server);
		result.put("ctxt", ctxt.asMap());
		return result;
	}

	public void record(RpcContext ctxt, String kind) {
		Map<String, @Nullable Object> event = new LinkedHashMap<>();
		event.put("kind", kind);
		event.put("ctxt", ctxt.asMap());
		this.recorded.add(event);
	}

	public List<Map<String, @Nullable Object>> events() {
		return List.copyOf(this.recorded);
	}

	public String big(int size) {
		return "x".repeat(size);
	}

	/**
	 * The mirror of {@code oslo_server.py}'s second endpoint: namespace {@code control},
	 * version 1.0, {@code ping()} returning the server name.
	 */
	public static class Control {

		private final String server;

		public Control(String server) {
			this.server = server;
		}

		public String ping() {
			return this.server;
		}

	}

}
