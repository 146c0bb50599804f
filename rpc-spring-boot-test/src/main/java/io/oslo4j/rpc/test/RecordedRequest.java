package io.oslo4j.rpc.test;

import java.util.Map;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.observation.RpcKind;
import org.jspecify.annotations.Nullable;

/**
 * A request the application published (a call, a cast or a fanout cast), decoded from the
 * bytes that went to the broker.
 *
 * @param kind call, cast or fanout
 * @param target where it went: exchange (the control exchange when the client named
 * none), topic, server and fanout as sent, namespace and version as the message carried
 * them
 * @param method the method name
 * @param args the keyword arguments, as JSON values (maps, lists, strings, numbers,
 * booleans, {@code null})
 * @param context the request context entries, without the {@code _context_} prefix
 */
public record RecordedRequest(RpcKind kind, Target target, String method, Map<String, @Nullable Object> args,
		Map<String, @Nullable Object> context) {

	/**
	 * Returns one argument.
	 * @param name the argument name, as on the wire
	 * @return its JSON value, or {@code null} when it is {@code null} or absent
	 */
	public @Nullable Object arg(String name) {
		return this.args.get(name);
	}

	/**
	 * Returns the topic the request was sent to.
	 * @return the topic
	 */
	public String topic() {
		return String.valueOf(this.target.topic());
	}

}
