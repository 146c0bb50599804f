package io.oslo4j.rpc.transport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.Target;
import org.jspecify.annotations.Nullable;

/**
 * A connection to a message broker (oslo's transport and driver), at the level of bytes:
 * it routes, publishes and consumes oslo messages but never looks inside them. Clients,
 * servers and the dispatcher are written against this interface only; a transport is made
 * from a URL by {@link Transports#create}.
 * <p>
 * Routing follows oslo's {@code AMQPDriverBase._send}: a fanout target goes to the
 * {@code <topic>_fanout} exchange, a target with a server to the routing key
 * {@code <topic>.<server>} on the topic exchange, any other to the routing key
 * {@code <topic>}. The topic exchange is {@code target.exchange()} or the control
 * exchange.
 * <p>
 * Implementations are thread-safe. {@link #close()} (oslo's {@code cleanup()}) releases
 * every connection and thread the transport owns and returns promptly.
 */
public interface Transport extends AutoCloseable {

	/**
	 * Returns the URL this transport was made from. Its {@code toString()} masks
	 * passwords.
	 * @return the URL
	 */
	TransportUrl url();

	/**
	 * Returns the exchange used when a target names none ({@code openstack} by default).
	 * @return the control exchange
	 */
	String controlExchange();

	/**
	 * Publishes a request or a cast to the target, declaring the exchange first if this
	 * transport has not yet done so. Returns once the broker has taken the message (with
	 * publisher confirms on, once it confirmed it).
	 * @param target where to send; must have a topic
	 * @param body the message body (an oslo 2.0 envelope)
	 * @param expiration the AMQP expiration (calls carry their timeout), or {@code null}
	 * @throws RpcDeliveryException when the message could not be handed to the broker
	 */
	void send(Target target, byte[] body, @Nullable Duration expiration);

	/**
	 * Publishes like {@link #send} without blocking on the broker's confirm: the future
	 * completes once the broker has taken the message (with publisher confirms on, once
	 * it confirmed it) and fails with a {@link RpcDeliveryException} when it could not be
	 * handed to the broker. Transports that confirm asynchronously override this; the
	 * default calls {@link #send} and returns a completed future.
	 * @param target where to send; must have a topic
	 * @param body the message body (an oslo 2.0 envelope)
	 * @param expiration the AMQP expiration (calls carry their timeout), or {@code null}
	 * @return completes when the message is delivered to the broker
	 * @throws io.oslo4j.rpc.InvalidTargetException when the target cannot be sent to
	 */
	default CompletableFuture<Void> sendAsync(Target target, byte[] body, @Nullable Duration expiration) {
		try {
			send(target, body, expiration);
			return CompletableFuture.completedFuture(null);
		}
		catch (RpcDeliveryException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Publishes a reply to a reply queue (default exchange, routing key = the queue,
	 * mandatory). A reply the broker returns as unroutable is retried until the reply
	 * retry timeout (60 s by default) and then dropped with a warning.
	 * @param replyQueue the request's {@code _reply_q}
	 * @param body the reply body
	 * @throws RpcDeliveryException when the reply could not be published
	 */
	void reply(String replyQueue, byte[] body);

	/**
	 * Publishes a reply like {@link #reply(String, byte[])} without waiting for the
	 * broker: a server worker is free as soon as the reply is written. The default sends
	 * synchronously.
	 * @param replyQueue the request's {@code _reply_q}
	 * @param body the reply body
	 * @return completes when the broker took the reply (or it was dropped after the reply
	 * retry timeout); fails with a {@link RpcDeliveryException}
	 */
	default CompletableFuture<Void> replyAsync(String replyQueue, byte[] body) {
		try {
			reply(replyQueue, body);
			return CompletableFuture.completedFuture(null);
		}
		catch (RpcDeliveryException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Returns the name of this transport's reply queue ({@code reply_<32 hex>}),
	 * declaring it and starting its consumer on the first call. Every message arriving on
	 * it is passed to {@code handler} and acknowledged when the handler returns. There is
	 * one reply queue per transport: the handler given on the first call is the one used;
	 * later calls return the same name, except after the transport told the handler that
	 * the queue was lost ({@link DeliveryHandler#onQueueLost}, RabbitMQ's direct
	 * reply-to), when the next call returns the new name.
	 * @param handler receives every reply
	 * @return the reply queue name
	 */
	String replyQueue(DeliveryHandler handler);

	/**
	 * Tells the transport that a call waiting on {@code replyQueue} timed out. A
	 * transport that can verify that its reply queue still receives what is sent to it
	 * does so, in the background and at most once per retry interval, and repairs the
	 * queue when it does not (RabbitMQ can lose a queue under its consumer when a cluster
	 * node stops). It must not block. The default does nothing.
	 * @param replyQueue the reply queue the call waited on
	 */
	default void checkReplyQueue(String replyQueue) {
	}

	/**
	 * Starts consuming for a server: the queues {@code <topic>}, {@code <topic>.<server>}
	 * and a new {@code <topic>_fanout_<32 hex>} queue bound to the fanout exchange, all
	 * declared as oslo declares them. Messages are handed to {@code handler} on the
	 * transport's consumer threads; the handler acknowledges or rejects each one.
	 * @param target the server's target; must have a topic and a server
	 * @param handler receives every request
	 * @return the listener, to stop it
	 */
	Listener listen(Target target, DeliveryHandler handler);

	// ---- notifications (oslo's send_notification / listen_for_notifications) ----

	/**
	 * Publishes a notification (oslo's {@code notify_send}): to the topic exchange
	 * ({@code target.exchange()} or the control exchange) with the routing key
	 * {@code <topic>.<priority>}. Before the first publish of each exchange and routing
	 * key (again after a reconnection) it declares the exchange and the queue
	 * {@code <topic>.<priority>} (durable per {@code amqp_durable_queues}, auto-delete
	 * per {@code amqp_auto_delete}, never {@code x-expires}) and binds it, so
	 * notifications sent before any listener exists are kept. Not mandatory, no
	 * expiration; returns once the broker confirmed the message.
	 * @param target the notification topic (e.g. {@code notifications}) and exchange
	 * @param priority the lower-case priority, e.g. {@code info}
	 * @param body the message body (2.0 envelope, or a bare 1.0 dict)
	 * @throws RpcDeliveryException when the message could not be handed to the broker
	 * @throws UnsupportedOperationException when the transport has no notifications
	 */
	default void sendNotification(Target target, String priority, byte[] body) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " does not send notifications");
	}

	/**
	 * Returns how notifications on this transport lay out the context. The default is
	 * oslo's AMQP layout, {@link NotificationLayout#CONTEXT_KEYS}.
	 * @return the layout
	 */
	default NotificationLayout notificationLayout() {
		return NotificationLayout.CONTEXT_KEYS;
	}

	/**
	 * Starts consuming notifications (oslo's {@code listen_for_notifications}) for every
	 * pair of target and priority. Without a pool it consumes the queues
	 * {@code <topic>.<priority>} (listeners without a pool compete for messages); with
	 * {@code pool} it consumes one queue named after the pool, bound to every
	 * {@code <topic>.<priority>} (each pool gets its own copy). The queues are declared
	 * as the notifier declares them and are never deleted by the listener. Messages are
	 * handed to {@code handler} on the transport's consumer threads; the handler
	 * acknowledges or rejects each one, possibly later and from another thread.
	 * @param targets the targets (topic and optional exchange each)
	 * @param priorities the lower-case priorities
	 * @param pool the pool name, or {@code null}
	 * @param handler receives every notification
	 * @return the listener, to stop it
	 * @throws UnsupportedOperationException when the transport has no notifications
	 */
	default Listener listenForNotifications(List<Target> targets, List<String> priorities, @Nullable String pool,
			DeliveryHandler handler) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " does not listen for notifications");
	}

	/**
	 * Returns the per-transport instance of a component layered on this transport (the
	 * client's reply waiter, for instance), creating it on first use. Instances that are
	 * {@link AutoCloseable} are closed when the transport closes; once it is closed, no
	 * component is handed out.
	 * @param <T> the component type
	 * @param type the component type, used as the key
	 * @param factory creates the component
	 * @return the component
	 * @throws IllegalStateException when the transport is closed
	 */
	<T> T component(Class<T> type, Function<Transport, T> factory);

	/**
	 * Returns whether the transport is connected to its broker and usable, as known now:
	 * cheap and non-blocking, it never opens a connection (see {@link #connect}).
	 * @return whether it is healthy
	 */
	boolean isConnected();

	/**
	 * Connects to the broker if not connected, waiting at most {@code timeout}
	 * (independently of the driver's own connection timeout), and returns whether the
	 * transport is connected. An attempt still under way when the timeout passes goes on
	 * in the background, and its result shows in later calls and in
	 * {@link #isConnected()}; concurrent calls share one attempt. An unreachable broker
	 * is reported by the result, never thrown. With {@link Duration#ZERO} it starts an
	 * attempt if needed and returns at once, which makes it fit for health checks.
	 * <p>
	 * The default implementation returns {@link #isConnected()}, for transports that
	 * connect eagerly (or need no connection).
	 * @param timeout how long to wait, zero or positive
	 * @return whether the transport is connected
	 * @throws IllegalArgumentException when the timeout is negative
	 */
	default boolean connect(Duration timeout) {
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("connect timeout must not be negative, was " + timeout);
		}
		return isConnected();
	}

	/**
	 * Releases every connection, consumer and thread this transport owns. Idempotent.
	 */
	@Override
	void close();

}
