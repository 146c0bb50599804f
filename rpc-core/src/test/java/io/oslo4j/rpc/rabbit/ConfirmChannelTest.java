package io.oslo4j.rpc.rabbit;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.oslo4j.rpc.RpcDeliveryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The confirm bookkeeping of {@link ConfirmChannel}, driven by hand on a channel stub:
 * single and multiple acks, nacks, returns matched to their publish without any header,
 * expiry and the channel's closing.
 */
@Timeout(10)
class ConfirmChannelTest {

	private static final AMQP.BasicProperties PROPS = new AMQP.BasicProperties();

	private final AtomicLong nextSeq = new AtomicLong(1);

	private final List<ShutdownSignalException> closes = new ArrayList<>();

	private final ConfirmChannel channel = open();

	@Test
	void aMultipleAckConfirmsEveryPublishUpToItsTag() throws Exception {
		PublishConfirm first = publish("q", "a", false);
		PublishConfirm second = publish("q", "b", false);
		PublishConfirm third = publish("q", "c", false);
		this.channel.handleAck(2, true);
		assertThat(first).isCompleted();
		assertThat(second).isCompleted();
		assertThat(third).isNotDone();
		this.channel.handleAck(3, false);
		assertThat(third).isCompleted();
		assertThat(this.channel.pendingCount()).isZero();
	}

	@Test
	void aNackFailsThePublishNamingExchangeAndRoutingKey() throws Exception {
		PublishConfirm first = publish("q1", "a", false);
		PublishConfirm second = publish("q2", "b", false);
		this.channel.handleNack(2, false);
		assertThat(first).isNotDone();
		assertThatThrownBy(second::join).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOf(RpcDeliveryException.class)
			.hasMessage("Failed to publish a message to exchange 'x' with routing key 'q2': "
					+ "the broker refused the message (basic.nack)");
	}

	@Test
	void aNackRetiresTheChannelButItsOtherPublishesStillGetTheirConfirms() throws Exception {
		PublishConfirm refused = publish("q", "a", false);
		PublishConfirm inFlight = publish("q", "b", false);
		assertThat(this.channel.isOpen()).isTrue();
		this.channel.handleNack(1, false);
		assertThat(refused).isCompletedExceptionally();
		assertThat(this.channel.isRetired()).isTrue();
		assertThat(this.channel.isOpen()).as("takes no new publishes").isFalse();
		this.channel.handleAck(2, false);
		assertThat(inFlight).isCompleted();
		assertThat(this.channel.pendingCount()).isZero();
	}

	@Test
	void aReturnMarksThePublishWithTheSameRoutingKeyAndBody() throws Exception {
		PublishConfirm toA = publish("reply_a", "same", true);
		PublishConfirm toB = publish("reply_b", "same", true);
		PublishConfirm toBOther = publish("reply_b", "other", true);
		this.channel.handleReturn(312, "NO_ROUTE", "x", "reply_b", PROPS, bytes("other"));
		this.channel.handleAck(3, true);
		assertThat(toA.join()).isNull();
		assertThat(toA.returned()).isFalse();
		assertThat(toB.returned()).isFalse();
		assertThat(toBOther.returned()).isTrue();
	}

	@Test
	void identicalReturnedBodiesAreMatchedOneEach() throws Exception {
		PublishConfirm first = publish("reply_a", "same", true);
		PublishConfirm second = publish("reply_a", "same", true);
		this.channel.handleReturn(312, "NO_ROUTE", "x", "reply_a", PROPS, bytes("same"));
		this.channel.handleAck(2, true);
		assertThat(List.of(first.returned(), second.returned())).containsExactly(true, false);
	}

	@Test
	void aReturnNeverMarksANonMandatoryPublish() throws Exception {
		PublishConfirm publish = publish("q", "body", false);
		this.channel.handleReturn(312, "NO_ROUTE", "x", "q", PROPS, bytes("body"));
		this.channel.handleAck(1, false);
		assertThat(publish.returned()).isFalse();
	}

	@Test
	void publishesWithoutAConfirmInTimeExpireOldestFirst() throws Exception {
		PublishConfirm old = publish("q", "a", false);
		long cutoff = System.nanoTime();
		PublishConfirm recent = publish("q", "b", false);
		this.channel.expire(cutoff, "no publisher confirm within the confirm timeout (5 ms)");
		assertThatThrownBy(old::join).hasMessageEndingWith("no publisher confirm within the confirm timeout (5 ms)");
		assertThat(recent).isNotDone();
	}

	@Test
	void closingFailsEveryPendingPublishAndTellsTheOwner() throws Exception {
		PublishConfirm pending = publish("q", "a", false);
		ShutdownSignalException cause = new ShutdownSignalException(false, false, null, "test");
		this.channel.shutdownCompleted(cause);
		assertThatThrownBy(pending::join).hasMessageContaining("the channel closed before the broker confirmed")
			.hasRootCause(cause);
		assertThat(this.closes).containsExactly(cause);
		assertThat(this.channel.isOpen()).isFalse();
	}

	private PublishConfirm publish(String routingKey, String body, boolean mandatory) throws Exception {
		return this.channel.publish("x", routingKey, mandatory, PROPS, bytes(body));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private ConfirmChannel open() {
		Channel stub = (Channel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Channel.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "getNextPublishSeqNo" -> this.nextSeq.get();
					case "basicPublish" -> {
						this.nextSeq.incrementAndGet();
						yield null;
					}
					case "isOpen" -> true;
					default -> null;
				});
		Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Connection.class },
				(proxy, method, args) -> method.getName().equals("createChannel") ? stub : null);
		try {
			return ConfirmChannel.open(connection, true, this.closes::add);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
