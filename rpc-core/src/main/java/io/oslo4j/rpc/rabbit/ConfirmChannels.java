package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.ShutdownSignalException;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * A few long-lived {@link ConfirmChannel}s on the publisher connection, used in turn, and
 * the timer that fails publishes left without a confirm for {@code confirm_timeout}.
 * Channels are opened on first use and again after they close (a broker error, a lost
 * connection: Spring AMQP reopens the connection on the next
 * {@link CachingConnectionFactory#createConnection()}), and in place of a channel retired
 * by a {@code basic.nack}; a retired channel is closed by the timer once none of its
 * publishes waits for a confirm.
 */
final class ConfirmChannels implements AutoCloseable {

	/** Enough to spread the broker's per-channel work over its cores. */
	static final int DEFAULT_CHANNELS = 2;

	private final CachingConnectionFactory connectionFactory;

	private final boolean confirms;

	private final long confirmTimeoutNanos;

	private final Consumer<ShutdownSignalException> onClose;

	private final Setup setup;

	private final AtomicReferenceArray<@Nullable ConfirmChannel> slots;

	private final Object[] slotLocks;

	private final AtomicInteger next = new AtomicInteger();

	// replaced after a nack: closed by the timer once their confirms are settled
	private final Queue<ConfirmChannel> retired = new ConcurrentLinkedQueue<>();

	private final @Nullable ScheduledExecutorService timer;

	private volatile boolean closed;

	/**
	 * Makes the channels; nothing is opened yet.
	 * @param connectionFactory the publisher connection factory
	 * @param count how many channels to use
	 * @param confirms whether to use publisher confirms
	 * @param confirmTimeout how long a publish may wait for its confirm
	 * @param onClose told when a channel closes (on the connection's thread)
	 */
	ConfirmChannels(CachingConnectionFactory connectionFactory, int count, boolean confirms, Duration confirmTimeout,
			Consumer<ShutdownSignalException> onClose) {
		this(connectionFactory, count, confirms, confirmTimeout, onClose, (channel) -> {
		});
	}

	/**
	 * Makes the channels; nothing is opened yet.
	 * @param connectionFactory the publisher connection factory
	 * @param count how many channels to use
	 * @param confirms whether to use publisher confirms
	 * @param confirmTimeout how long a publish may wait for its confirm
	 * @param onClose told when a channel closes (on the connection's thread)
	 * @param setup runs on every channel just opened, before anything is published on it
	 */
	ConfirmChannels(CachingConnectionFactory connectionFactory, int count, boolean confirms, Duration confirmTimeout,
			Consumer<ShutdownSignalException> onClose, Setup setup) {
		this.connectionFactory = connectionFactory;
		this.setup = setup;
		this.confirms = confirms;
		this.confirmTimeoutNanos = Math.max(1, confirmTimeout.toNanos());
		this.onClose = onClose;
		this.slots = new AtomicReferenceArray<>(count);
		this.slotLocks = new Object[count];
		for (int i = 0; i < count; i++) {
			this.slotLocks[i] = new Object();
		}
		this.timer = confirms ? startTimer(sweepIntervalNanos()) : null;
	}

	/**
	 * Returns how late a confirm may be reported: the confirm timeout plus one sweep.
	 * @return the bound in nanoseconds
	 */
	long maxConfirmWaitNanos() {
		return this.confirmTimeoutNanos + 2 * sweepIntervalNanos();
	}

	/**
	 * Publishes on the next channel, opening it if needed; a channel found closed is
	 * replaced once (nothing was sent on it).
	 * @return the confirm
	 * @throws IOException when the message could not be written
	 * @throws org.springframework.amqp.AmqpException when no connection could be made
	 */
	PublishConfirm publish(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties,
			byte[] body) throws IOException {
		int slot = Math.floorMod(this.next.getAndIncrement(), this.slots.length());
		try {
			return channel(slot).publish(exchange, routingKey, mandatory, properties, body);
		}
		catch (AlreadyClosedException ex) {
			if (this.closed) {
				throw ex;
			}
			return channel(slot).publish(exchange, routingKey, mandatory, properties, body);
		}
	}

	/**
	 * Returns the channel of a slot, opening it (and running the setup) if it is not
	 * open.
	 * @param slot the slot
	 * @return the open channel
	 * @throws IOException when it cannot be opened or set up
	 */
	ConfirmChannel channel(int slot) throws IOException {
		ConfirmChannel channel = this.slots.get(slot);
		if (channel != null && channel.isOpen()) {
			return channel;
		}
		synchronized (this.slotLocks[slot]) {
			channel = this.slots.get(slot);
			if (channel == null || !channel.isOpen()) {
				if (this.closed) {
					throw new IOException("the publisher is closed");
				}
				if (channel != null && channel.isRetired()) {
					this.retired.add(channel);
				}
				channel = ConfirmChannel.open(this.connectionFactory.createConnection().getDelegate(), this.confirms,
						this.onClose);
				try {
					this.setup.prepare(channel);
				}
				catch (IOException | RuntimeException ex) {
					channel.close();
					throw ex;
				}
				this.slots.set(slot, channel);
			}
			return channel;
		}
	}

	/**
	 * Returns how many publishes wait for a confirm.
	 * @return the count
	 */
	int pendingCount() {
		int count = 0;
		for (int i = 0; i < this.slots.length(); i++) {
			ConfirmChannel channel = this.slots.get(i);
			count += (channel != null) ? channel.pendingCount() : 0;
		}
		for (ConfirmChannel channel : this.retired) {
			count += channel.pendingCount();
		}
		return count;
	}

	private long sweepIntervalNanos() {
		return Math.min(TimeUnit.SECONDS.toNanos(1),
				Math.max(TimeUnit.MILLISECONDS.toNanos(10), this.confirmTimeoutNanos / 4));
	}

	private ScheduledExecutorService startTimer(long intervalNanos) {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "oslo4j-confirm-timer");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::expireLate, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
		return executor;
	}

	private void expireLate() {
		long cutoff = System.nanoTime() - this.confirmTimeoutNanos;
		String reason = "no publisher confirm within the confirm timeout ("
				+ TimeUnit.NANOSECONDS.toMillis(this.confirmTimeoutNanos) + " ms)";
		for (int i = 0; i < this.slots.length(); i++) {
			ConfirmChannel channel = this.slots.get(i);
			if (channel != null) {
				channel.expire(cutoff, reason);
			}
		}
		for (ConfirmChannel channel : this.retired) {
			channel.expire(cutoff, reason);
			if (channel.pendingCount() == 0 && this.retired.remove(channel)) {
				channel.close();
			}
		}
	}

	/**
	 * Returns whether {@link #close()} was called.
	 * @return whether closed
	 */
	boolean isClosed() {
		return this.closed;
	}

	/**
	 * Returns how many retired channels still wait for confirms before being closed.
	 * @return the count
	 */
	int retiredCount() {
		return this.retired.size();
	}

	/**
	 * Closes the channels (their pending publishes fail) and stops the timer. Idempotent.
	 */
	@Override
	public void close() {
		this.closed = true;
		if (this.timer != null) {
			this.timer.shutdownNow();
		}
		for (int i = 0; i < this.slots.length(); i++) {
			ConfirmChannel channel = this.slots.getAndSet(i, null);
			if (channel != null) {
				channel.close();
			}
		}
		ConfirmChannel channel;
		while ((channel = this.retired.poll()) != null) {
			channel.close();
		}
	}

	/**
	 * Prepares a channel just opened.
	 */
	@FunctionalInterface
	interface Setup {

		/**
		 * Prepares a channel.
		 * @param channel the channel
		 * @throws IOException when it cannot be used
		 */
		void prepare(ConfirmChannel channel) throws IOException;

	}

}
