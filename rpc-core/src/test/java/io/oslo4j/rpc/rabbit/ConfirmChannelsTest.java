package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import static io.oslo4j.rpc.rabbit.RabbitTestSupport.bytes;
import static io.oslo4j.rpc.rabbit.RabbitTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link ConfirmChannels} on the broker: a channel the broker nacked a message on is
 * replaced for the next publish and closed once its confirms are settled (RabbitMQ can
 * keep nacking everything a channel sends to a quorum queue whose leader moved, which the
 * cluster failover test showed; a queue full in {@code reject-publish} mode nacks here on
 * purpose).
 */
@Timeout(30)
class ConfirmChannelsTest {

	private RabbitTestSupport broker;

	private CachingConnectionFactory connectionFactory;

	private ConfirmChannels channels;

	private final List<ShutdownSignalException> closed = new CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		this.broker = new RabbitTestSupport();
		this.connectionFactory = new CachingConnectionFactory(BrokerQueues.rawConnectionFactory(TestBroker.url()));
		this.channels = new ConfirmChannels(this.connectionFactory, 1, true, Duration.ofSeconds(5), this.closed::add);
	}

	@AfterEach
	void tearDown() throws Exception {
		this.channels.close();
		this.connectionFactory.destroy();
		this.broker.close();
	}

	@Test
	void aNackedChannelIsReplacedAndClosedOnceItsConfirmsAreSettled() throws Exception {
		String full = unique("full");
		String open = unique("open");
		this.broker.deleteLater(full, open);
		try (Channel channel = this.broker.channel()) {
			channel.queueDeclare(full, false, false, false, Map.of("x-max-length", 0, "x-overflow", "reject-publish"));
			channel.queueDeclare(open, false, false, false, null);
		}
		assertThat(this.channels.publish("", open, false, RabbitPublisher.PROPERTIES, bytes("{}")).join()).isNull();

		PublishConfirm refused = this.channels.publish("", full, false, RabbitPublisher.PROPERTIES, bytes("{}"));
		assertThatThrownBy(refused::join).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOf(RpcDeliveryException.class)
			.hasMessageContaining("basic.nack");

		for (int i = 0; i < 5; i++) {
			this.channels.publish("", open, false, RabbitPublisher.PROPERTIES, bytes("{}")).join();
		}
		assertThat(this.broker.messageCount(open)).isEqualTo(6);
		// the timer closes the nacked channel; the one that replaced it stays open
		await().atMost(Duration.ofSeconds(10)).until(() -> this.closed.size() == 1);
		assertThat(this.channels.retiredCount()).isZero();
		assertThat(this.channels.pendingCount()).isZero();
		this.channels.publish("", open, false, RabbitPublisher.PROPERTIES, bytes("{}")).join();
		assertThat(this.closed).hasSize(1);
	}

}
