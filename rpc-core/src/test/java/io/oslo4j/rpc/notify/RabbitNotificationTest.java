package io.oslo4j.rpc.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification contract on RabbitMQ ({@link TestBroker}); the test's queues are
 * deleted afterwards.
 */
class RabbitNotificationTest extends AbstractNotificationTests {

	@Override
	protected String url() {
		return TestBroker.url();
	}

	@Override
	protected void cleanUp(List<String> queues) {
		BrokerQueues.delete(queues);
	}

	@Test
	void notificationAfterItsExchangeWasDeletedBehindTheNotifiersBackIsDeclaredAgainAndNotLost() throws Exception {
		String exchange = "notif_ex_" + MessageIds.next().substring(0, 12);
		String queue = this.topic + ".info";
		Transport own = track(Transports.create(TransportUrl.parse(this.url),
				TransportSettings.defaults().withControlExchange(exchange)));
		Notifier notifier = new Notifier(own, "test.host", NotifierDriver.MESSAGING_V2, List.of(this.topic));
		try (Connection connection = BrokerQueues.rawConnectionFactory(this.url).newConnection("oslo4j-test");
				Channel channel = connection.createChannel()) {
			notifier.info(RpcContext.empty(), "first", Map.of());
			await().atMost(Duration.ofSeconds(10)).until(() -> channel.messageCount(queue) == 1);
			channel.exchangeDelete(exchange);
			notifier.info(RpcContext.empty(), "second", Map.of());
			await().atMost(Duration.ofSeconds(10)).until(() -> channel.messageCount(queue) == 2);
			assertThat(new String(channel.basicGet(queue, true).getBody())).contains("first");
			assertThat(new String(channel.basicGet(queue, true).getBody())).contains("second");
			channel.exchangeDelete(exchange);
		}
	}

}
