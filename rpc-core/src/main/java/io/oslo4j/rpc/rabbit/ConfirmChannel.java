package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ReturnListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import org.jspecify.annotations.Nullable;

/**
 * A long-lived channel of the publisher connection that many threads publish on at once,
 * with publisher confirms pipelined: every publish gets a {@link PublishConfirm},
 * completed by the broker's {@code basic.ack} (single or {@code multiple}), failed by
 * {@code basic.nack}, by the channel's closing or by {@link #expire}. Nobody waits for a
 * channel or for another publisher's confirm, and no channel is created per publish.
 * <p>
 * A mandatory message the broker returns ({@code basic.return}, which always precedes the
 * message's {@code basic.ack}) is matched to its publish by exchange, routing key and
 * body: kombu's messages carry no header that could correlate it, and Spring AMQP's
 * correlated confirms would add theirs. Two identical bodies to the same queue in flight
 * at once are interchangeable, so a match is always right.
 * <p>
 * A {@code basic.nack} retires the channel: it takes no new publishes, and
 * {@link ConfirmChannels} replaces it and closes it once its confirms are settled. The
 * broker can keep refusing everything a channel publishes to a queue after that queue's
 * leader moved (RabbitMQ 3.10, quorum queues after a node stopped), while a new channel
 * is accepted at once.
 * <p>
 * Confirm and return callbacks run on the connection's reader thread: they only complete
 * futures, never call the broker.
 */
final class ConfirmChannel implements ConfirmListener, ReturnListener, ShutdownListener {

	private final Channel channel;

	private final boolean confirms;

	private final ReentrantLock lock = new ReentrantLock();

	private final ConcurrentNavigableMap<Long, PublishConfirm> pending = new ConcurrentSkipListMap<>();

	private final Consumer<ShutdownSignalException> onClose;

	private volatile boolean closed;

	private volatile boolean retired;

	private ConfirmChannel(Channel channel, boolean confirms, Consumer<ShutdownSignalException> onClose) {
		this.channel = channel;
		this.confirms = confirms;
		this.onClose = onClose;
	}

	/**
	 * Opens a channel on a connection, in confirm mode when {@code confirms} is set.
	 * @param connection the publisher connection
	 * @param confirms whether to use publisher confirms
	 * @param onClose told when the channel closes, after its pending publishes failed
	 * @return the channel
	 * @throws IOException when the channel cannot be opened
	 */
	static ConfirmChannel open(Connection connection, boolean confirms, Consumer<ShutdownSignalException> onClose)
			throws IOException {
		Channel channel = connection.createChannel();
		if (channel == null) {
			throw new IOException("no free channel number on the publisher connection");
		}
		ConfirmChannel result = new ConfirmChannel(channel, confirms, onClose);
		channel.addShutdownListener(result);
		channel.addReturnListener(result);
		if (confirms) {
			channel.addConfirmListener(result);
			channel.confirmSelect();
		}
		return result;
	}

	/**
	 * Returns the amqp-client channel, for a consumer that must share it (direct
	 * reply-to).
	 * @return the channel
	 */
	Channel channel() {
		return this.channel;
	}

	/**
	 * Returns whether the channel can still publish: it is open and was not retired by a
	 * {@code basic.nack}.
	 * @return whether it is open
	 */
	boolean isOpen() {
		return !this.closed && !this.retired && this.channel.isOpen();
	}

	/**
	 * Returns whether the broker refused a message on this channel ({@code basic.nack}),
	 * which retires it.
	 * @return whether it is retired
	 */
	boolean isRetired() {
		return this.retired;
	}

	/**
	 * Publishes a message. Without confirms the result is complete at once (and never
	 * {@linkplain PublishConfirm#returned() returned}: without confirms a return cannot
	 * be waited for).
	 * @param exchange the exchange
	 * @param routingKey the routing key
	 * @param mandatory whether the broker returns the message when no queue takes it
	 * @param properties the properties
	 * @param body the body
	 * @return the confirm
	 * @throws IOException when the message could not be written (closed channel...)
	 */
	PublishConfirm publish(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties,
			byte[] body) throws IOException {
		PublishConfirm confirm = new PublishConfirm(exchange, routingKey, mandatory ? body : null, System.nanoTime());
		if (!this.confirms) {
			this.channel.basicPublish(exchange, routingKey, mandatory, properties, body);
			confirm.acked();
			return confirm;
		}
		this.lock.lock();
		try {
			long seq = this.channel.getNextPublishSeqNo();
			this.pending.put(seq, confirm);
			try {
				this.channel.basicPublish(exchange, routingKey, mandatory, properties, body);
			}
			catch (IOException | RuntimeException ex) {
				this.pending.remove(seq);
				throw ex;
			}
		}
		finally {
			this.lock.unlock();
		}
		return confirm;
	}

	/**
	 * Fails the publishes that have waited for their confirm since before a cutoff.
	 * @param cutoffNanos the {@link System#nanoTime()} before which a publish is late
	 * @param reason the failure text
	 */
	void expire(long cutoffNanos, String reason) {
		Map.Entry<Long, PublishConfirm> first;
		while ((first = this.pending.firstEntry()) != null && first.getValue().startNanos - cutoffNanos < 0) {
			PublishConfirm confirm = this.pending.remove(first.getKey());
			if (confirm != null) {
				confirm.fail(reason, null);
			}
		}
	}

	/**
	 * Returns how many publishes wait for their confirm.
	 * @return the count
	 */
	int pendingCount() {
		return this.pending.size();
	}

	@Override
	public void handleAck(long deliveryTag, boolean multiple) {
		if (multiple) {
			Map.Entry<Long, PublishConfirm> first;
			while ((first = this.pending.firstEntry()) != null && first.getKey() <= deliveryTag) {
				PublishConfirm confirm = this.pending.remove(first.getKey());
				if (confirm != null) {
					confirm.acked();
				}
			}
		}
		else {
			PublishConfirm confirm = this.pending.remove(deliveryTag);
			if (confirm != null) {
				confirm.acked();
			}
		}
	}

	@Override
	public void handleNack(long deliveryTag, boolean multiple) {
		this.retired = true;
		Map<Long, PublishConfirm> nacked = multiple ? this.pending.headMap(deliveryTag, true)
				: this.pending.subMap(deliveryTag, true, deliveryTag, true);
		for (Long seq : nacked.keySet()) {
			PublishConfirm confirm = this.pending.remove(seq);
			if (confirm != null) {
				confirm.fail("the broker refused the message (basic.nack)", null);
			}
		}
	}

	@Override
	public void handleReturn(int replyCode, String replyText, String exchange, String routingKey,
			AMQP.BasicProperties properties, byte[] body) {
		for (PublishConfirm confirm : this.pending.values()) {
			if (confirm.matchesReturn(exchange, routingKey, body)) {
				confirm.markReturned();
				return;
			}
		}
	}

	@Override
	public void shutdownCompleted(ShutdownSignalException cause) {
		this.closed = true;
		String reason = "the channel closed before the broker confirmed the message (" + BrokerErrors.describe(cause)
				+ ")";
		for (Long seq : this.pending.keySet()) {
			PublishConfirm confirm = this.pending.remove(seq);
			if (confirm != null) {
				confirm.fail(reason, cause);
			}
		}
		this.onClose.accept(cause);
	}

	/**
	 * Closes the channel; its pending publishes fail.
	 */
	void close() {
		if (this.channel.isOpen()) {
			try {
				this.channel.abort();
			}
			catch (IOException | RuntimeException ex) {
				// closing anyway
			}
		}
		this.closed = true;
	}

}
