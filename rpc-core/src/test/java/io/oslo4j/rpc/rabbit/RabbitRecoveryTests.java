package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.transport.TransportSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.rabbit.RabbitTestSupport.bytes;
import static io.oslo4j.rpc.rabbit.RabbitTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumers, the reply queue and the fanout queue come back, with the same names, after
 * the broker closes the transport's connections (as in a broker restart, also with the
 * transient queues gone) and after a consumed queue is deleted.
 */
@Timeout(120)
class RabbitRecoveryTests {

	private RabbitTestSupport broker;

	private RabbitTransport transport;

	private RabbitTransport peer;

	private String topic;

	private final BlockingQueue<IncomingMessage> requests = new LinkedBlockingQueue<>();

	private final BlockingQueue<IncomingMessage> replies = new LinkedBlockingQueue<>();

	@BeforeEach
	void setUp() throws Exception {
		this.broker = new RabbitTestSupport();
		String exchange = unique("recex");
		this.topic = unique("topic");
		this.broker.deleteExchangeLater(exchange);
		this.broker.deleteLater(this.topic, this.topic + ".s1");
		TransportSettings settings = TransportSettings.defaults().withControlExchange(exchange);
		this.transport = RabbitTestSupport.transport(settings);
		this.peer = new RabbitTransport(this.transport.url(), settings);
	}

	@AfterEach
	void tearDown() throws Exception {
		this.transport.close();
		this.peer.close();
		this.broker.close();
	}

	@Test
	void everythingRecoversAfterTheConnectionsAreClosedAndTransientQueuesLost() throws Exception {
		RabbitServerListener listener = (RabbitServerListener) this.transport.listen(Target.server(this.topic, "s1"),
				this::request);
		String replyQueue = this.transport.replyQueue(this.replies::add);
		this.broker.deleteLater(replyQueue);
		String fanoutQueue = listener.fanoutQueue();
		await().atMost(Duration.ofSeconds(10)).until(listener::isRunning);

		closeConnectionsOfThisProcess();
		try (var channel = this.broker.channel()) {
			// what a broker restart does to non-durable queues
			channel.queueDelete(fanoutQueue);
			channel.queueDelete(replyQueue);
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> this.broker.queueExists(fanoutQueue));
		await().atMost(Duration.ofSeconds(30)).until(listener::isRunning);
		this.peer.send(Target.topic(this.topic).withFanout(true), bytes("fanout"), null);
		assertThat(nextRequest().queue()).isEqualTo(fanoutQueue);
		this.peer.send(Target.server(this.topic, "s1"), bytes("direct"), null);
		assertThat(nextRequest().queue()).isEqualTo(this.topic + ".s1");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.broker.queueExists(replyQueue));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.peer.reply(replyQueue, bytes("reply"));
			return this.replies.poll(500, TimeUnit.MILLISECONDS) != null;
		});
		assertThat(this.transport.replyQueue(this.replies::add)).isEqualTo(replyQueue);
		assertThat(this.transport.isConnected()).isTrue();
	}

	@Test
	void aDeletedQueueIsDeclaredAgainAndConsumed() throws Exception {
		RabbitServerListener listener = (RabbitServerListener) this.transport.listen(Target.server(this.topic, "s1"),
				this::request);
		await().atMost(Duration.ofSeconds(10)).until(listener::isRunning);
		try (var channel = this.broker.channel()) {
			channel.queueDelete(this.topic + ".s1");
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.broker.queueExists(this.topic + ".s1"));
		await().atMost(Duration.ofSeconds(30)).until(listener::isRunning);
		this.peer.send(Target.server(this.topic, "s1"), bytes("again"), null);
		assertThat(nextRequest().queue()).isEqualTo(this.topic + ".s1");
	}

	private void request(IncomingMessage message) {
		message.ack();
		this.requests.add(message);
	}

	private IncomingMessage nextRequest() throws InterruptedException {
		IncomingMessage message = this.requests.poll(20, TimeUnit.SECONDS);
		assertThat(message).as("a request within 20 s").isNotNull();
		return message;
	}

	/** Closes (broker side) only the connections this JVM's transports opened. */
	static void closeConnectionsOfThisProcess() throws IOException, InterruptedException {
		String marker = ":" + ProcessHandle.current().pid() + ":";
		int closed = 0;
		for (String line : RabbitTestSupport.rabbitmqctl("list_connections", "-s", "pid", "client_properties")
			.split("\n")) {
			if (line.contains(marker)) {
				String pid = line.substring(0, line.indexOf('\t')).trim();
				RabbitTestSupport.rabbitmqctl("close_connection", pid, "test");
				closed++;
			}
		}
		assertThat(closed).as("connections closed").isPositive();
	}

}
