package io.oslo4j.rpc.transport.fake;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An exchange of the {@link FakeBroker} and its bindings. A topic exchange matches
 * routing keys exactly (enough for oslo's keys, which have no wildcards); a fanout
 * exchange ignores them. Bindings change under the broker's lock; {@link #route} reads,
 * without it, immutable snapshots replaced on every change, and allocates nothing.
 */
final class FakeExchange {

	/** The exchange types oslo uses. */
	enum Type {

		/** Routes on the routing key. */
		TOPIC,

		/** Routes to every bound queue. */
		FANOUT

	}

	private static final FakeQueue[] NONE = {};

	private final String name;

	private final Type type;

	private final boolean autoDelete;

	// guarded by the broker's lock
	private final Map<String, FakeQueue[]> bindings = new LinkedHashMap<>();

	// snapshots of the bindings, read without the lock
	private volatile Map<String, FakeQueue[]> routes = Map.of();

	private volatile FakeQueue[] all = NONE;

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

	void bind(FakeQueue queue, String routingKey) {
		FakeQueue[] bound = this.bindings.getOrDefault(routingKey, NONE);
		if (!Arrays.asList(bound).contains(queue)) {
			FakeQueue[] more = Arrays.copyOf(bound, bound.length + 1);
			more[bound.length] = queue;
			this.bindings.put(routingKey, more);
			snapshot();
		}
	}

	/**
	 * Removes every binding of a queue.
	 * @param queue the queue name
	 * @return whether the exchange has no binding left
	 */
	boolean unbindAll(String queue) {
		this.bindings.replaceAll((key, bound) -> Arrays.stream(bound)
			.filter((candidate) -> !candidate.name().equals(queue))
			.toArray(FakeQueue[]::new));
		this.bindings.values().removeIf((bound) -> bound.length == 0);
		snapshot();
		return this.bindings.isEmpty();
	}

	/**
	 * Returns the queues a message with this routing key goes to, each once.
	 * @param routingKey the routing key
	 * @return the queues, possibly none; the caller must not change the array
	 */
	FakeQueue[] route(String routingKey) {
		if (this.type == Type.FANOUT) {
			return this.all;
		}
		return this.routes.getOrDefault(routingKey, NONE);
	}

	private void snapshot() {
		Set<FakeQueue> queues = new LinkedHashSet<>();
		this.bindings.values().forEach((bound) -> queues.addAll(Arrays.asList(bound)));
		this.all = queues.toArray(NONE);
		this.routes = Map.copyOf(this.bindings);
	}

	@Override
	public String toString() {
		return "FakeExchange[" + this.name + ", " + this.type + "]";
	}

}
