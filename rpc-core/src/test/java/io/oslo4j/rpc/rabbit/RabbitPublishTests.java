package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.rabbit.RabbitTestSupport.bytes;
import static io.oslo4j.rpc.rabbit.RabbitTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What {@link RabbitTransport#send} puts on the wire: exchange, routing key, body and
 * exactly kombu's properties, inspected with a raw amqp-client consumer.
 */
@Timeout(60)
class RabbitPublishTests {

	private RabbitTestSupport broker;

	private RabbitTransport transport;

	private String exchange;

	@BeforeEach
	void setUp() throws Exception {
		this.broker = new RabbitTestSupport();
		this.exchange = unique("pubex");
		this.transport = RabbitTestSupport.transport(TransportSettings.defaults().withControlExchange(this.exchange));
		this.broker.deleteExchangeLater(this.exchange);
	}

	@AfterEach
	void tearDown() throws Exception {
		this.transport.close();
		this.broker.close();
	}

	@Test
	void castGoesToTopicWithKombuPropertiesAndNoExpiration() throws Exception {
		String topic = unique("topic");
		String queue = this.broker.capture(this.exchange, "topic", topic, false, false);
		this.transport.send(Target.topic(topic), bytes("{\"a\": 1}"), null);
		GetResponse response = awaitMessage(queue);
		assertThat(new String(response.getBody())).isEqualTo("{\"a\": 1}");
		assertThat(response.getEnvelope().getExchange()).isEqualTo(this.exchange);
		assertThat(response.getEnvelope().getRoutingKey()).isEqualTo(topic);
		assertKombuProperties(response.getProps(), null);
	}

	@Test
	void callToServerGoesToTopicDotServerWithExpiration() throws Exception {
		String topic = unique("topic");
		String queue = this.broker.capture(this.exchange, "topic", topic + ".srv1", false, false);
		this.transport.send(Target.server(topic, "srv1"), bytes("{}"), Duration.ofSeconds(10));
		GetResponse response = awaitMessage(queue);
		assertThat(response.getEnvelope().getRoutingKey()).isEqualTo(topic + ".srv1");
		assertKombuProperties(response.getProps(), "10000");
	}

	@Test
	void targetExchangeOverridesControlExchange() throws Exception {
		String other = unique("otherex");
		this.broker.deleteExchangeLater(other);
		String topic = unique("topic");
		String queue = this.broker.capture(other, "topic", topic, false, false);
		this.transport.send(Target.topic(topic).withExchange(other), bytes("{}"), null);
		assertThat(awaitMessage(queue).getEnvelope().getExchange()).isEqualTo(other);
	}

	@Test
	void fanoutGoesToFanoutExchangeWithEmptyRoutingKey() throws Exception {
		String topic = unique("topic");
		this.broker.deleteExchangeLater(topic + "_fanout");
		String queue = this.broker.capture(topic + "_fanout", "fanout", "", false, true);
		this.transport.send(Target.topic(topic).withFanout(true), bytes("{}"), null);
		GetResponse response = awaitMessage(queue);
		assertThat(response.getEnvelope().getExchange()).isEqualTo(topic + "_fanout");
		assertThat(response.getEnvelope().getRoutingKey()).isEmpty();
		assertKombuProperties(response.getProps(), null);
	}

	@Test
	void fanoutExchangeDeletedAfterFirstUseIsDeclaredAgain() throws Exception {
		String topic = unique("topic");
		this.broker.deleteExchangeLater(topic + "_fanout");
		Target fanout = Target.topic(topic).withFanout(true);
		this.transport.send(fanout, bytes("{}"), null);
		assertThat(RabbitTestSupport.exchangeLine(topic + "_fanout")).isEqualTo(topic + "_fanout\tfanout\tfalse\ttrue");
		try (var channel = this.broker.channel()) {
			channel.exchangeDelete(topic + "_fanout");
		}
		this.transport.send(fanout, bytes("{}"), null);
		assertThat(RabbitTestSupport.exchangeLine(topic + "_fanout")).isNotEmpty();
	}

	@Test
	void sendDeclaresTheTopicExchangeAsOsloDoes() throws Exception {
		this.transport.send(Target.topic(unique("topic")), bytes("{}"), null);
		assertThat(RabbitTestSupport.exchangeLine(this.exchange)).isEqualTo(this.exchange + "\ttopic\tfalse\tfalse");
	}

	@Test
	void sendToAnExchangeWithOtherFlagsUsesItAsItIs() throws Exception {
		// the deployment runs another oslo mode: the message still reaches its queues
		String queue = RabbitTestSupport.unique("adopted");
		this.broker.deleteLater(queue);
		try (var channel = this.broker.channel()) {
			channel.exchangeDeclare(this.exchange, "topic", true, false, null);
			channel.queueDeclare(queue, false, false, false, null);
			channel.queueBind(queue, this.exchange, "t");
		}
		this.transport.send(Target.topic("t"), bytes("{}"), null);
		this.transport.send(Target.topic("t"), bytes("{}"), null);
		assertThat(this.broker.messageCount(queue)).isEqualTo(2L);
	}

	@Test
	void sendWithoutBrokerFailsWithRpcDeliveryException() {
		try (RabbitTransport down = new RabbitTransport(
				TransportUrl.parse("rabbit://guest:secret@127.0.0.1:1/?connection_timeout=2"),
				TransportSettings.defaults())) {
			assertThatExceptionOfType(RpcDeliveryException.class)
				.isThrownBy(() -> down.send(Target.topic("t"), bytes("{}"), null))
				.withMessageContaining("exchange 'openstack'")
				.withMessageContaining("routing key 't'")
				.withMessageNotContaining("secret");
		}
	}

	@Test
	void sendAfterCloseFails() {
		this.transport.close();
		assertThatExceptionOfType(RpcDeliveryException.class)
			.isThrownBy(() -> this.transport.send(Target.topic("t"), bytes("{}"), null))
			.withMessageContaining("closed");
	}

	@Test
	void confirmedPublishLatency() throws Exception {
		String topic = unique("topic");
		String queue = this.broker.capture(this.exchange, "topic", topic, false, false);
		Target target = Target.topic(topic);
		byte[] body = bytes("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{}\"}");
		for (int i = 0; i < 500; i++) {
			this.transport.send(target, body, null);
		}
		int n = 2000;
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			this.transport.send(target, body, null);
		}
		long micros = (System.nanoTime() - start) / 1000 / n;
		System.out.println("confirmed publish: " + micros + " us per send");
		assertThat(this.broker.messageCount(queue)).isEqualTo(2500);
	}

	private GetResponse awaitMessage(String queue) {
		GetResponse[] holder = new GetResponse[1];
		await().atMost(Duration.ofSeconds(10)).until(() -> (holder[0] = this.broker.get(queue)) != null);
		return holder[0];
	}

	static void assertKombuProperties(AMQP.BasicProperties props, String expiration) {
		assertThat(props.getContentType()).isEqualTo("application/json");
		assertThat(props.getContentEncoding()).isEqualTo("utf-8");
		assertThat(props.getDeliveryMode()).isEqualTo(2);
		assertThat(props.getPriority()).isEqualTo(0);
		assertThat(props.getHeaders()).isEqualTo(Map.of());
		assertThat(props.getExpiration()).isEqualTo(expiration);
		assertThat(props.getMessageId()).isNull();
		assertThat(props.getCorrelationId()).isNull();
		assertThat(props.getReplyTo()).isNull();
		assertThat(props.getTimestamp()).isNull();
		assertThat(props.getType()).isNull();
		assertThat(props.getAppId()).isNull();
		assertThat(props.getUserId()).isNull();
		assertThat(props.getClusterId()).isNull();
	}

}
