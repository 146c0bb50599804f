package io.oslo4j.rpc.rabbit;

import javax.net.ssl.SSLException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.ShutdownSignalException;
import org.jspecify.annotations.Nullable;

/**
 * Extracts what the broker said (reply code and text of a {@code channel.close} or
 * {@code connection.close}) from the exception chain of an AMQP failure, so that error
 * messages show it, e.g. {@code 406 PRECONDITION_FAILED - inequivalent arg 'durable'}; a
 * failed TLS handshake says so before its cause (a certificate refused, and why).
 */
final class BrokerErrors {

	private BrokerErrors() {
	}

	/**
	 * Returns the broker's reply code and text, or the innermost exception message.
	 * @param ex the failure
	 * @return a description
	 */
	static String describe(Throwable ex) {
		ShutdownSignalException signal = signal(ex);
		if (signal != null) {
			Method reason = signal.getReason();
			if (reason instanceof AMQP.Channel.Close close) {
				return close.getReplyText();
			}
			if (reason instanceof AMQP.Connection.Close close) {
				return "connection closed: " + close.getReplyText();
			}
			return "connection lost: " + signal.getMessage();
		}
		boolean tls = false;
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			tls |= root instanceof SSLException;
			root = root.getCause();
		}
		String message = root.getMessage();
		if (root instanceof AuthenticationFailureException) {
			return "the broker refused the login (check the user name and password of the transport URL): " + message;
		}
		return ((tls || root instanceof SSLException) ? "TLS handshake with the broker failed: " : "")
				+ root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * Returns the channel-close reply code of a failure (404, 406...), or 0.
	 * @param ex the failure
	 * @return the reply code
	 */
	static int channelReplyCode(Throwable ex) {
		ShutdownSignalException signal = signal(ex);
		if (signal != null && signal.getReason() instanceof AMQP.Channel.Close close) {
			return close.getReplyCode();
		}
		return 0;
	}

	/**
	 * Returns whether a failure is the loss of the connection, or of the broker (refused
	 * or unreachable), rather than something the broker said of the message or the
	 * channel, or a close asked for by this side: what publishing again on a new
	 * connection can mend.
	 * @param ex the failure
	 * @return whether the connection was lost
	 */
	static boolean connectionLost(Throwable ex) {
		ShutdownSignalException signal = signal(ex);
		if (signal != null) {
			return signal.isHardError() && !signal.isInitiatedByApplication();
		}
		Throwable current = ex;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (current instanceof AuthenticationFailureException
					|| current instanceof org.springframework.amqp.AmqpAuthenticationException
					|| current instanceof SSLException) {
				return false;
			}
			if (current instanceof java.net.SocketException
					|| current instanceof org.springframework.amqp.AmqpConnectException) {
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

	private static @Nullable ShutdownSignalException signal(Throwable ex) {
		Throwable current = ex;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (current instanceof ShutdownSignalException signal) {
				return signal;
			}
			current = current.getCause();
		}
		return null;
	}

}
