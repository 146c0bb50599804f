package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * Opens a transport's consumer connection on a thread of its own, so that a caller waits
 * only as long as it chooses ({@code Transport.connect(Duration)}) and never for
 * {@code connection_timeout}: a broker that accepts TCP but never answers the AMQP
 * handshake would otherwise hold startup or a health check for 30 s. One attempt at a
 * time: callers arriving while it runs share it, and it goes on after they stopped
 * waiting.
 */
final class RabbitConnector {

	private static final Logger logger = LoggerFactory.getLogger(RabbitConnector.class);

	private final ConnectionFactory connectionFactory;

	private final TransportUrl url;

	private @Nullable CompletableFuture<Boolean> attempt;

	RabbitConnector(ConnectionFactory connectionFactory, TransportUrl url) {
		this.connectionFactory = connectionFactory;
		this.url = url;
	}

	/**
	 * Opens the connection (or finds it open), waiting at most {@code timeout}.
	 * @param timeout how long to wait
	 * @return whether the connection is open
	 */
	boolean connect(Duration timeout) {
		CompletableFuture<Boolean> current = currentAttempt();
		try {
			return current.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			logger.debug("No connection to {} within {}; still trying in the background", this.url, timeout);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			return false;
		}
	}

	private synchronized CompletableFuture<Boolean> currentAttempt() {
		CompletableFuture<Boolean> current = this.attempt;
		if (current == null || current.isDone()) {
			CompletableFuture<Boolean> next = new CompletableFuture<>();
			Thread thread = new Thread(() -> next.complete(open()), "oslo4j-rabbit-connect");
			thread.setDaemon(true);
			thread.start();
			this.attempt = next;
			current = next;
		}
		return current;
	}

	private boolean open() {
		try {
			return this.connectionFactory.createConnection().isOpen();
		}
		catch (RuntimeException ex) {
			logger.debug("Cannot connect to {}: {}", this.url, ex.getMessage());
			return false;
		}
	}

}
