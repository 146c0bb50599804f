package io.oslo4j.rpc.boot.notify;

import java.util.List;

import io.oslo4j.rpc.Target;
import org.jspecify.annotations.Nullable;

/**
 * What makes one oslo notification listener in an application: its topics, exchange and
 * pool. {@code @RpcNotificationListener} methods with the same key are endpoints of the
 * same listener.
 *
 * @param topics the topics
 * @param exchange the exchange, or {@code null} for the control exchange
 * @param pool the pool, or {@code null}
 */
record ListenerKey(List<String> topics, @Nullable String exchange, @Nullable String pool) {

	/**
	 * Sorts the topics: methods naming the same topics in another order join one
	 * listener.
	 */
	ListenerKey {
		topics = topics.stream().distinct().sorted().toList();
	}

	/**
	 * Returns the listener's targets, one per topic.
	 * @return the targets
	 */
	List<Target> targets() {
		return this.topics.stream().map((topic) -> Target.topic(topic).withExchange(this.exchange)).toList();
	}

	@Override
	public String toString() {
		return "topics " + this.topics + ((this.exchange != null) ? " on exchange " + this.exchange : "")
				+ ((this.pool != null) ? " in pool " + this.pool : "");
	}

}
