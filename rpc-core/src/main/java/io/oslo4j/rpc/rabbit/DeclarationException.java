package io.oslo4j.rpc.rabbit;

import io.oslo4j.rpc.RpcDeliveryException;
import org.jspecify.annotations.Nullable;

/**
 * An exchange, queue or binding could not be declared. The message names the object and
 * carries the broker's text: for a {@code 406 PRECONDITION_FAILED} it says which flag
 * differs from the existing object (e.g. {@code inequivalent arg 'durable' for queue
 * 'T'}), which happens when peers disagree on {@code amqp_durable_queues},
 * {@code rabbit_quorum_queue}, {@code rabbit_transient_quorum_queue},
 * {@code rabbit_stream_fanout} or {@code rabbit_ha_queues}, or when the broker refuses a
 * kind of queue (RabbitMQ 4.3 refuses transient non-exclusive queues by default).
 * <p>
 * When the clash is one oslo4j recognises, {@link #advice()} says which oslo option (and
 * Spring Boot property) to set so that this service declares what the deployment already
 * has; the message ends with the same advice.
 */
public class DeclarationException extends RpcDeliveryException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String advice;

	public DeclarationException(String message, @Nullable Throwable cause) {
		this(message, null, cause);
	}

	/**
	 * Makes an exception whose message ends with the advice, when there is one.
	 * @param message what could not be declared and what the broker said
	 * @param advice which option to set, or {@code null}
	 * @param cause the broker's failure
	 */
	public DeclarationException(String message, @Nullable String advice, @Nullable Throwable cause) {
		super((advice != null) ? message + ". " + advice : message, cause);
		this.advice = advice;
	}

	/**
	 * Returns what to change so that the declaration matches the deployment, e.g.
	 * {@code "set rabbit_transient_quorum_queue=true (rpc.rabbit.transient-quorum-queues=true)"}.
	 * @return the advice, or {@code null} when the clash is not one oslo4j recognises
	 */
	public @Nullable String advice() {
		return this.advice;
	}

}
