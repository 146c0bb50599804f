package io.oslo4j.rpc.transport.fake;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import io.oslo4j.rpc.RpcException;
import io.oslo4j.rpc.transport.fake.FakeExchange.Type;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory broker for one virtual host, shared by every {@code fake://} transport of
 * the JVM that names the same virtual host, so a client and a server made separately (in
 * two Spring contexts, say) reach each other. It has what oslo's topology needs: topic
 * and fanout exchanges, the default exchange (routing key = queue name), queues and their
 * consumers. Like RabbitMQ it drops unroutable messages; a mandatory publish (a reply)
 * waits for its queue instead.
 * <p>
 * The topology changes under one lock; publishing reads it without that lock (concurrent
 * maps, and bindings kept as immutable snapshots), so publishers only meet on the queues
 * they share. A publisher that routed to a queue deleted at the same moment has its
 * message dropped, as if the deletion came just after.
 */
final class FakeBroker {

	private static final Map<String, FakeBroker> BROKERS = new ConcurrentHashMap<>();

	private static final long RETRY_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private final String virtualHost;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition topologyChanged = this.lock.newCondition();

	// changed under the lock, read without it
	private final Map<String, FakeExchange> exchanges = new ConcurrentHashMap<>();

	private final Map<String, FakeQueue> queues = new ConcurrentHashMap<>();

	private final FakeTaps taps = new FakeTaps(this);

	private FakeBroker(String virtualHost) {
		this.virtualHost = virtualHost;
	}

	/**
	 * Returns the broker of a virtual host, creating it on first use.
	 * @param virtualHost the virtual host
	 * @return the broker
	 */
	static FakeBroker forVirtualHost(String virtualHost) {
		return BROKERS.computeIfAbsent(virtualHost, FakeBroker::new);
	}

	/**
	 * Forgets the broker of a virtual host; transports holding it keep it.
	 * @param virtualHost the virtual host
	 */
	static void discard(String virtualHost) {
		BROKERS.remove(virtualHost);
	}

	String virtualHost() {
		return this.virtualHost;
	}

	/**
	 * Returns the taps that see what is published on this broker.
	 * @return the taps
	 */
	FakeTaps taps() {
		return this.taps;
	}

	/**
	 * Declares an exchange (idempotent).
	 * @throws RpcException when it exists with another type, as RabbitMQ's 406
	 */
	void declareExchange(String name, Type type, boolean autoDelete) {
		FakeExchange declared = this.exchanges.get(name);
		if (declared != null && declared.type() == type) {
			return;
		}
		this.lock.lock();
		try {
			FakeExchange existing = this.exchanges.get(name);
			if (existing == null) {
				this.exchanges.put(name, new FakeExchange(name, type, autoDelete));
			}
			else if (existing.type() != type) {
				throw new RpcException("PRECONDITION_FAILED - inequivalent arg 'type' for exchange '" + name
						+ "' in vhost '" + this.virtualHost + "': received '" + type + "' but current is '"
						+ existing.type() + "'");
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Declares a queue (idempotent) and wakes mandatory publishers waiting for it.
	 * @param name the queue name
	 * @return the queue
	 */
	FakeQueue declareQueue(String name) {
		this.lock.lock();
		try {
			FakeQueue queue = this.queues.computeIfAbsent(name, FakeQueue::new);
			this.topologyChanged.signalAll();
			return queue;
		}
		finally {
			this.lock.unlock();
		}
	}

	void bind(String exchange, String queue, String routingKey) {
		this.lock.lock();
		try {
			FakeExchange target = this.exchanges.get(exchange);
			FakeQueue bound = this.queues.get(queue);
			if (target == null || bound == null) {
				throw new RpcException("NOT_FOUND - cannot bind queue '" + queue + "' to exchange '" + exchange
						+ "' in vhost '" + this.virtualHost + "'");
			}
			target.bind(bound, routingKey);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Deletes a queue, its messages and bindings; an auto-delete exchange left without
	 * bindings goes too.
	 * @param name the queue name
	 */
	void deleteQueue(String name) {
		this.lock.lock();
		try {
			FakeQueue queue = this.queues.remove(name);
			if (queue != null) {
				queue.delete();
			}
			this.exchanges.values().removeIf((exchange) -> exchange.unbindAll(name) && exchange.autoDelete());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Routes a message; {@code ""} is the default exchange. An unroutable message, or one
	 * sent to a missing exchange, is dropped. Consumers that deliver on the publishing
	 * thread run before this returns.
	 * @return whether at least one queue took it
	 */
	boolean publish(String exchange, String routingKey, FakeMessage message) {
		if (exchange.isEmpty()) {
			return publishDirect(routingKey, message);
		}
		FakeExchange target = this.exchanges.get(exchange);
		if (target == null) {
			return false;
		}
		FakeQueue[] routed = target.route(routingKey);
		for (FakeQueue queue : routed) {
			queue.enqueue(message);
		}
		for (FakeQueue queue : routed) {
			queue.flush();
		}
		return routed.length > 0;
	}

	/**
	 * Publishes to a queue through the default exchange, mandatory: while the queue is
	 * missing, waits for it to be declared, up to {@code retryTimeout} (oslo retries
	 * every 0.25 s for {@code kombu_missing_consumer_retry_timeout}). Consumers that
	 * deliver on the publishing thread run before this returns.
	 * @param queue the queue name
	 * @param message the message
	 * @param retryTimeout how long to wait for the queue
	 * @param cancelled tells when to give up early (the transport closed)
	 * @return whether the queue took the message
	 */
	boolean publishMandatory(String queue, FakeMessage message, Duration retryTimeout, BooleanSupplier cancelled) {
		if (publishDirect(queue, message)) {
			return true;
		}
		long deadline = System.nanoTime() + Math.max(0, retryTimeout.toNanos());
		FakeQueue target;
		this.lock.lock();
		try {
			// declareQueue signals under the lock, so no declaration is missed
			while ((target = this.queues.get(queue)) == null) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0 || cancelled.getAsBoolean()) {
					return false;
				}
				this.topologyChanged.awaitNanos(Math.min(remaining, RETRY_INTERVAL_NANOS));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.lock.unlock();
		}
		target.enqueue(message);
		target.flush();
		return true;
	}

	/** Wakes every mandatory publisher, so it re-checks whether it was cancelled. */
	void wakeWaiters() {
		this.lock.lock();
		try {
			this.topologyChanged.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Nullable FakeQueue queue(String name) {
		return this.queues.get(name);
	}

	@Nullable FakeExchange exchange(String name) {
		return this.exchanges.get(name);
	}

	Set<String> queueNames() {
		this.lock.lock();
		try {
			return Set.copyOf(this.queues.keySet());
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean publishDirect(String name, FakeMessage message) {
		FakeQueue queue = this.queues.get(name);
		if (queue == null) {
			return false;
		}
		queue.enqueue(message);
		queue.flush();
		return true;
	}

	@Override
	public String toString() {
		return "FakeBroker[" + this.virtualHost + "]";
	}

}
