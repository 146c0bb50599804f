package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.AMQImpl;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpAuthenticationException;
import org.springframework.amqp.AmqpConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which publish failures {@link BrokerErrors#connectionLost} takes for a lost connection
 * (worth publishing again on a new one) and which for the broker's answer or this side's
 * own close (not).
 */
class BrokerErrorsTest {

	private static final AMQP.Connection.Close FORCED = new AMQImpl.Connection.Close(320,
			"CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'", 0, 0);

	private static final AMQP.Channel.Close TOO_LARGE = new AMQImpl.Channel.Close(406,
			"PRECONDITION_FAILED - message size 200 is larger than configured max size 100", 60, 40);

	@Test
	void aConnectionClosedByTheBrokerOrLostIsALostConnection() {
		assertThat(BrokerErrors.connectionLost(confirmFailure(new ShutdownSignalException(true, false, FORCED, null))))
			.isTrue();
		assertThat(BrokerErrors
			.connectionLost(confirmFailure(new ShutdownSignalException(true, false, null, new SocketException()))))
			.isTrue();
		assertThat(BrokerErrors
			.connectionLost(new AlreadyClosedException(new ShutdownSignalException(true, false, FORCED, null))))
			.isTrue();
	}

	@Test
	void aBrokerThatCannotBeReachedIsALostConnection() {
		assertThat(BrokerErrors.connectionLost(new AmqpConnectException(new ConnectException("Connection refused"))))
			.isTrue();
		assertThat(BrokerErrors.connectionLost(new SocketException("Broken pipe"))).isTrue();
		assertThat(BrokerErrors.connectionLost(new IOException("write failed", new SocketException("reset")))).isTrue();
	}

	@Test
	void aChannelErrorARefusalOrACloseAskedForHereIsNot() {
		assertThat(
				BrokerErrors.connectionLost(confirmFailure(new ShutdownSignalException(false, false, TOO_LARGE, null))))
			.as("a channel closed by the broker for the message")
			.isFalse();
		assertThat(BrokerErrors.connectionLost(confirmFailure(new ShutdownSignalException(true, true, null, null))))
			.as("the transport closing its connection")
			.isFalse();
		assertThat(BrokerErrors
			.connectionLost(PublishConfirm.failure("", "reply_1", "the broker refused the message (basic.nack)", null)))
			.as("a nack")
			.isFalse();
		assertThat(BrokerErrors.connectionLost(new IOException("the publisher is closed"))).isFalse();
		assertThat(BrokerErrors
			.connectionLost(new AmqpAuthenticationException(new AuthenticationFailureException("ACCESS_REFUSED"))))
			.as("a login refused")
			.isFalse();
	}

	private static Exception confirmFailure(ShutdownSignalException signal) {
		return PublishConfirm.failure("", "reply_1", "the channel closed before the broker confirmed the message",
				signal);
	}

}
