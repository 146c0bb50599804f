package io.oslo4j.rpc.transport.fake;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An exchange of the {@link FakeBroker} and its bindings. A topic exchange matches
 * routing keys exactly (enough for oslo's keys, which have no wildcards); a fanout
 * exchange ignores them. Guarded by the broker's lock.
 */
final class FakeExchange {

	/** The exchange types oslo uses. */
	enum Type {

		/** Routes on the routing key. */
		TOPIC,

		/** Routes to every bound queue. */
		FANOUT

	}

	private final String name;

	private final Type type;

	private final boolean autoDelete;

	private final Map<String, Set<String>> bindings = new LinkedHashMap<>();

	FakeExchange(String name, Type type, boolean autoDelete) {
		this.name = name;
		this.type = type;
		this.autoDelete = autoDelete;
	}

	String name() {
		return this.name;
	}

	Type type() {
		return this.type;
	}

	boolean autoDelete() {
		return this.autoDelete;
	}

	void bind(String queue, String routingKey) {
		this.bindings.computeIfAbsent(routingKey, (key) -> new LinkedHashSet<>()).add(queue);
	}

	/**
	 * Removes every binding of a queue.
	 * @param queue the queue name
	 * @return whether the exchange has no binding left
	 */
	boolean unbindAll(String queue) {
		this.bindings.values().forEach((queues) -> queues.remove(queue));
		this.bindings.values().removeIf(Set::isEmpty);
		return this.bindings.isEmpty();
	}

	/**
	 * Returns the names of the queues a message with this routing key goes to.
	 * @param routingKey the routing key
	 * @return the queue names, possibly none
	 */
	Set<String> route(String routingKey) {
		if (this.type == Type.FANOUT) {
			Set<String> all = new LinkedHashSet<>();
			this.bindings.values().forEach(all::addAll);
			return all;
		}
		return Set.copyOf(this.bindings.getOrDefault(routingKey, Set.of()));
	}

	@Override
	public String toString() {
		return "FakeExchange[" + this.name + ", " + this.type + "]";
	}

}
