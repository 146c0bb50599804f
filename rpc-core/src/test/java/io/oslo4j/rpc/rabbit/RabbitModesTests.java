package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.TransportSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.rabbit.RabbitTestSupport.bytes;
import static io.oslo4j.rpc.rabbit.RabbitTestSupport.exchangeLine;
import static io.oslo4j.rpc.rabbit.RabbitTestSupport.queueLine;
import static io.oslo4j.rpc.rabbit.RabbitTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The modes of oslo.messaging 14.7+ on a real broker, declaration for declaration as oslo
 * 18.1 declares them (spec-2026 §1.3 C, D, E), and the stream fanout's delivery
 * guarantees.
 */
@Timeout(180)
class RabbitModesTests {

	private static final Map<String, String> KOLLA = Map.of("rabbit_quorum_queue", "true",
			"rabbit_transient_quorum_queue", "true", "use_queue_manager", "true", "rabbit_stream_fanout", "true",
			"rabbit_qos_prefetch_count", "1", "hostname", "modes-host", "processname", "modes-test");

	private RabbitTestSupport broker;

	private String exchange;

	private String topic;

	private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		this.broker = new RabbitTestSupport();
		this.exchange = unique("modesex");
		this.topic = unique("modes");
		this.broker.deleteExchangeLater(this.exchange, this.topic + "_fanout");
		this.broker.deleteLater(this.topic, this.topic + ".s1", this.topic + ".s2", this.topic + "_fanout");
	}

	@AfterEach
	void tearDown() throws Exception {
		for (AutoCloseable closeable : this.toClose) {
			closeable.close();
		}
		this.broker.close();
	}

	@Test
	void transientQuorumMakesReplyAndFanoutQueuesQuorumAndTheFanoutExchangeDurable() throws Exception {
		RabbitTransport transport = transport(Map.of("rabbit_transient_quorum_queue", "true",
				"rabbit_quorum_delivery_limit", "3", "rabbit_quorum_max_memory_length", "50"));
		RabbitServerListener listener = (RabbitServerListener) transport.listen(Target.server(this.topic, "s1"),
				IncomingMessage::ack);
		String reply = transport.replyQueue(IncomingMessage::ack);
		this.broker.deleteLater(reply, listener.fanoutQueue());
		assertThat(exchangeLine(this.topic + "_fanout")).isEqualTo(this.topic + "_fanout\tfanout\ttrue\ttrue");
		// topic queues depend only on rabbit_quorum_queue
		assertThat(queueLine(this.topic)).isEqualTo(this.topic + "\tfalse\tfalse\t[]");
		String quorum = "\ttrue\tfalse\t[{\"x-queue-type\",\"quorum\"},{\"x-delivery-limit\",3},"
				+ "{\"x-max-in-memory-length\",50},{\"x-expires\",1800000}]";
		assertThat(arguments(queueLine(reply))).isEqualTo(arguments(reply + quorum));
		assertThat(arguments(queueLine(listener.fanoutQueue()))).isEqualTo(arguments(listener.fanoutQueue() + quorum));
		// a fanout cast declares the exchange as the server did
		transport.send(Target.topic(this.topic).withFanout(true), bytes("f"), null);
		listener.close();
		assertThat(queueLine(listener.fanoutQueue())).as("deleted on a clean close, as oslo").isEmpty();
	}

	@Test
	void ttlZeroDeclaresNoExpiry() throws Exception {
		RabbitTransport transport = transport(
				Map.of("rabbit_transient_quorum_queue", "true", "rabbit_transient_queues_ttl", "0"));
		String reply = transport.replyQueue(IncomingMessage::ack);
		this.broker.deleteLater(reply);
		assertThat(arguments(queueLine(reply)))
			.isEqualTo(arguments(reply + "\ttrue\tfalse\t[{\"x-queue-type\",\"quorum\"}]"));
	}

	@Test
	void kollaModeSharesOneStreamAndNamesQueuesAfterHostAndProcess() throws Exception {
		List<String> first = new CopyOnWriteArrayList<>();
		List<String> second = new CopyOnWriteArrayList<>();
		RabbitTransport one = transport(KOLLA);
		RabbitTransport two = transport(KOLLA);
		RabbitServerListener s1 = (RabbitServerListener) one.listen(Target.server(this.topic, "s1"), collect(first));
		Listener s2 = two.listen(Target.server(this.topic, "s2"), collect(second));
		String reply1 = one.replyQueue(IncomingMessage::ack);
		String reply2 = two.replyQueue(IncomingMessage::ack);
		this.broker.deleteLater(reply1, reply2);
		assertThat(s1.fanoutQueue()).isEqualTo(this.topic + "_fanout");
		assertThat(arguments(queueLine(this.topic + "_fanout"))).isEqualTo(arguments(
				this.topic + "_fanout\ttrue\tfalse\t[{\"x-queue-type\",\"stream\"},{\"x-max-age\",\"1800s\"}]"));
		assertThat(exchangeLine(this.topic + "_fanout")).isEqualTo(this.topic + "_fanout\tfanout\ttrue\ttrue");
		assertThat(queueLine(this.topic)).startsWith(this.topic + "\ttrue\tfalse\t[{\"x-queue-type\",\"quorum\"}");
		// two live transports in one process never share a name
		assertThat(reply1).matches("reply_modes-host:modes-test:\\d+");
		assertThat(reply2).matches("reply_modes-host:modes-test:\\d+").isNotEqualTo(reply1);
		assertThat(arguments(queueLine(reply1)))
			.isEqualTo(arguments(reply1 + "\ttrue\tfalse\t[{\"x-queue-type\",\"quorum\"},{\"x-expires\",1800000}]"));
		await().atMost(Duration.ofSeconds(10)).until(() -> s1.isRunning() && s2.isRunning());
		// the deployment's prefetch on topic queues, a larger one on the reply queue
		String consumers = RabbitTestSupport.rabbitmqctl("list_consumers", "queue_name", "prefetch_count");
		assertThat(consumers).contains(this.topic + "\t1", reply1 + "\t64");
		one.send(Target.topic(this.topic).withFanout(true), bytes("f1"), null);
		one.send(Target.topic(this.topic).withFanout(true), bytes("f2"), null);
		await().atMost(Duration.ofSeconds(10)).until(() -> first.size() == 2 && second.size() == 2);
		assertThat(first).containsExactly("f1", "f2");
		assertThat(second).containsExactly("f1", "f2");
		// a server that starts later does not run what was sent before it existed
		List<String> late = new CopyOnWriteArrayList<>();
		RabbitTransport three = transport(KOLLA);
		this.broker.deleteLater(three.replyQueue(IncomingMessage::ack));
		Listener s3 = three.listen(Target.server(this.topic, "s3"), collect(late));
		this.broker.deleteLater(this.topic + ".s3");
		await().atMost(Duration.ofSeconds(10)).until(s3::isRunning);
		one.send(Target.topic(this.topic).withFanout(true), bytes("f3"), null);
		await().atMost(Duration.ofSeconds(10)).until(() -> late.size() == 1 && first.size() == 3);
		assertThat(late).containsExactly("f3");
		// the shared stream survives its servers
		s1.close();
		s2.close();
		s3.close();
		assertThat(queueLine(this.topic + "_fanout")).startsWith(this.topic + "_fanout\ttrue");
	}

	@Test
	void streamConsumerResumesAfterTheLastOffsetWhenTheConnectionComesBack() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		RabbitTransport server = transport(KOLLA);
		Listener listener = server.listen(Target.server(this.topic, "s1"), collect(received));
		RabbitTransport client = transport(KOLLA);
		await().atMost(Duration.ofSeconds(10)).until(listener::isRunning);
		for (int i = 0; i < 3; i++) {
			client.send(Target.topic(this.topic).withFanout(true), bytes("a" + i), null);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
		RabbitRecoveryTests.closeConnectionsOfThisProcess();
		for (int i = 0; i < 3; i++) {
			client.send(Target.topic(this.topic).withFanout(true), bytes("b" + i), null);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 6);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == 6);
		assertThat(received).containsExactly("a0", "a1", "a2", "b0", "b1", "b2");
	}

	@Test
	void deletedStreamIsDeclaredAgainAndReadFromItsStart() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		RabbitTransport server = transport(KOLLA);
		Listener listener = server.listen(Target.server(this.topic, "s1"), collect(received));
		RabbitTransport client = transport(KOLLA);
		await().atMost(Duration.ofSeconds(10)).until(listener::isRunning);
		client.send(Target.topic(this.topic).withFanout(true), bytes("before"), null);
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
		try (var channel = this.broker.channel()) {
			channel.queueDelete(this.topic + "_fanout");
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !queueLine(this.topic + "_fanout").isEmpty() && listener.isRunning());
		client.send(Target.topic(this.topic).withFanout(true), bytes("after"), null);
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
		assertThat(received).containsExactly("before", "after");
	}

	@Test
	void defaultModeServerOnATransientQuorumTopicIsToldWhichOptionToSet() throws Exception {
		RabbitTransport kolla = transport(Map.of("rabbit_transient_quorum_queue", "true"));
		RabbitServerListener modern = (RabbitServerListener) kolla.listen(Target.server(this.topic, "s1"),
				IncomingMessage::ack);
		this.broker.deleteLater(modern.fanoutQueue());
		RabbitTransport legacy = transport(Map.of());
		assertThatExceptionOfType(DeclarationException.class)
			.isThrownBy(() -> legacy.listen(Target.server(this.topic, "s2"), IncomingMessage::ack))
			.withMessageContaining("exchange '" + this.topic + "_fanout'")
			.withMessageContaining("inequivalent arg 'durable'")
			.satisfies((ex) -> assertThat(ex.advice())
				.contains("set rabbit_transient_quorum_queue=true (rpc.rabbit.transient-quorum-queues=true)"));
	}

	@Test
	void defaultModeClientFanoutCastReachesTransientQuorumServers() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		RabbitTransport kolla = transport(Map.of("rabbit_transient_quorum_queue", "true"));
		RabbitServerListener modern = (RabbitServerListener) kolla.listen(Target.server(this.topic, "s1"),
				collect(received));
		this.broker.deleteLater(modern.fanoutQueue());
		RabbitTransport legacy = transport(Map.of());
		await().atMost(Duration.ofSeconds(10)).until(modern::isRunning);
		legacy.send(Target.topic(this.topic).withFanout(true), bytes("to-all"), null);
		legacy.send(Target.topic(this.topic).withFanout(true), bytes("again"), null);
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
		assertThat(received).containsExactly("to-all", "again");
	}

	@Test
	void queueManagerFanoutQueuesAreKeptAndTheirNamesComeBack() throws Exception {
		Map<String, String> options = Map.of("use_queue_manager", "true", "hostname", "qm-host", "processname",
				unique("qm"));
		RabbitTransport first = transport(options);
		RabbitServerListener listener = (RabbitServerListener) first.listen(Target.server(this.topic, "s1"),
				IncomingMessage::ack);
		String fanoutQueue = listener.fanoutQueue();
		this.broker.deleteLater(fanoutQueue);
		assertThat(fanoutQueue).isEqualTo(this.topic + "_fanout_qm-host:" + options.get("processname") + ":1");
		first.close();
		assertThat(queueLine(fanoutQueue)).as("kept on close, as oslo").startsWith(fanoutQueue + "\tfalse");
		// a restarted service that declares in the same order gets the same name
		RabbitTransport again = transport(options);
		RabbitServerListener relisten = (RabbitServerListener) again.listen(Target.server(this.topic, "s1"),
				IncomingMessage::ack);
		assertThat(relisten.fanoutQueue()).isEqualTo(fanoutQueue);
	}

	/**
	 * Returns a {@code list_queues} line's name and flags, and its arguments as a set
	 * (the broker lists them in an order of its own).
	 */
	private static List<Object> arguments(String line) {
		int open = line.indexOf('[');
		String arguments = line.substring(open + 1, line.length() - 1);
		return List.of(line.substring(0, open),
				java.util.Set.of(arguments.isEmpty() ? new String[0] : arguments.split("(?<=\\}),(?=\\{)")));
	}

	private static io.oslo4j.rpc.transport.DeliveryHandler collect(List<String> into) {
		return (message) -> {
			message.ack();
			into.add(new String(message.body()));
		};
	}

	private RabbitTransport transport(Map<String, String> options) {
		RabbitTransport transport = RabbitTestSupport
			.transport(TransportSettings.defaults().withControlExchange(this.exchange).withOptions(options));
		this.toClose.add(transport);
		return transport;
	}

}
