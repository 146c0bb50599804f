package io.oslo4j.rpc.rabbit;

import java.util.Map;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.TransportSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.rabbit.RabbitTestSupport.exchangeLine;
import static io.oslo4j.rpc.rabbit.RabbitTestSupport.queueLine;
import static io.oslo4j.rpc.rabbit.RabbitTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The exchanges and queues a server and a client declare, flag for flag as oslo 14.0.3
 * does (spec §3.1), as {@code rabbitmqctl} reports them.
 */
@Timeout(120)
class RabbitTopologyTests {

	private RabbitTestSupport broker;

	private String exchange;

	private String topic;

	@BeforeEach
	void setUp() throws Exception {
		this.broker = new RabbitTestSupport();
		this.exchange = unique("topoex");
		this.topic = unique("topic");
		this.broker.deleteExchangeLater(this.exchange);
		this.broker.deleteLater(this.topic, this.topic + ".s1", "reply_x");
	}

	@AfterEach
	void tearDown() throws Exception {
		this.broker.close();
	}

	@Test
	void defaultsAreOslos() throws Exception {
		try (RabbitTransport transport = transport(Map.of())) {
			RabbitServerListener listener = (RabbitServerListener) transport.listen(Target.server(this.topic, "s1"),
					(message) -> message.ack());
			String reply = transport.replyQueue((message) -> {
			});
			this.broker.deleteLater(reply);
			assertThat(exchangeLine(this.exchange)).isEqualTo(this.exchange + "\ttopic\tfalse\tfalse");
			assertThat(exchangeLine(this.topic + "_fanout")).isEqualTo(this.topic + "_fanout\tfanout\tfalse\ttrue");
			assertThat(queueLine(this.topic)).isEqualTo(this.topic + "\tfalse\tfalse\t[]");
			assertThat(queueLine(this.topic + ".s1")).isEqualTo(this.topic + ".s1\tfalse\tfalse\t[]");
			assertThat(listener.fanoutQueue()).matches(this.topic + "_fanout_[0-9a-f]{32}");
			assertThat(queueLine(listener.fanoutQueue()))
				.isEqualTo(listener.fanoutQueue() + "\tfalse\tfalse\t[{\"x-expires\",1800000}]");
			assertThat(reply).matches("reply_[0-9a-f]{32}");
			assertThat(queueLine(reply)).isEqualTo(reply + "\tfalse\tfalse\t[{\"x-expires\",1800000}]");
			assertThat(transport.replyQueue((message) -> {
			})).isEqualTo(reply);
		}
	}

	@Test
	void durableAutoDeleteAndTtlOptions() throws Exception {
		try (RabbitTransport transport = transport(Map.of("amqp_durable_queues", "true", "amqp_auto_delete", "yes",
				"rabbit_transient_queues_ttl", "60"))) {
			RabbitServerListener listener = (RabbitServerListener) transport.listen(Target.server(this.topic, "s1"),
					(message) -> message.ack());
			assertThat(exchangeLine(this.exchange)).isEqualTo(this.exchange + "\ttopic\ttrue\ttrue");
			assertThat(queueLine(this.topic)).isEqualTo(this.topic + "\ttrue\ttrue\t[]");
			assertThat(queueLine(listener.fanoutQueue()))
				.isEqualTo(listener.fanoutQueue() + "\tfalse\tfalse\t[{\"x-expires\",60000}]");
			listener.close();
		}
	}

	@Test
	void quorumQueues() throws Exception {
		try (RabbitTransport transport = transport(Map.of("rabbit_quorum_queue", "1", "rabbit_quorum_delivery_limit",
				"5", "rabbit_quroum_max_memory_length", "100"))) {
			RabbitServerListener listener = (RabbitServerListener) transport.listen(Target.server(this.topic, "s1"),
					(message) -> message.ack());
			assertThat(exchangeLine(this.exchange)).isEqualTo(this.exchange + "\ttopic\ttrue\tfalse");
			assertThat(queueLine(this.topic)).startsWith(this.topic + "\ttrue\tfalse\t[")
				.contains("{\"x-queue-type\",\"quorum\"}")
				.contains("{\"x-delivery-limit\",5}")
				.contains("{\"x-max-in-memory-length\",100}");
			assertThat(queueLine(listener.fanoutQueue()))
				.isEqualTo(listener.fanoutQueue() + "\tfalse\tfalse\t[{\"x-expires\",1800000}]");
			listener.close();
		}
	}

	@Test
	void inequivalentQueueNamesTheQueueAndTheFlag() throws Exception {
		try (var channel = this.broker.channel()) {
			channel.queueDeclare(this.topic, true, false, false, null);
		}
		try (RabbitTransport transport = transport(Map.of())) {
			assertThatExceptionOfType(DeclarationException.class)
				.isThrownBy(() -> transport.listen(Target.server(this.topic, "s1"), (message) -> message.ack()))
				.withMessageContaining("queue '" + this.topic + "'")
				.withMessageContaining("PRECONDITION_FAILED")
				.withMessageContaining("inequivalent arg 'durable'");
			// the transport stays usable
			transport.send(Target.topic(this.topic), RabbitTestSupport.bytes("{}"), null);
		}
	}

	private RabbitTransport transport(Map<String, String> options) {
		return RabbitTestSupport
			.transport(TransportSettings.defaults().withControlExchange(this.exchange).withOptions(options));
	}

}
