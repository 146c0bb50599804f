package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.GetResponse;
import io.oslo4j.rpc.RpcDeliveryException;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Replies: the reply queue round trip, the reply's wire form, and a reply to a missing
 * queue retried and then abandoned.
 */
@Timeout(60)
class RabbitReplyTests {

	private RabbitTestSupport broker;

	private RabbitTransport client;

	private RabbitTransport server;

	private String exchange;

	@BeforeEach
	void setUp() throws Exception {
		this.broker = new RabbitTestSupport();
		this.exchange = unique("replyex");
		this.broker.deleteExchangeLater(this.exchange);
		TransportSettings settings = TransportSettings.defaults().withControlExchange(this.exchange);
		this.client = RabbitTestSupport.transport(settings);
		this.server = RabbitTestSupport
			.transport(settings.withOptions(Map.of("kombu_missing_consumer_retry_timeout", "1")));
	}

	@AfterEach
	void tearDown() throws Exception {
		this.client.close();
		this.server.close();
		this.broker.close();
	}

	@Test
	void replyReachesTheReplyQueueHandlerAndIsAcked() throws Exception {
		BlockingQueue<IncomingMessage> replies = new LinkedBlockingQueue<>();
		String replyQueue = this.client.replyQueue(replies::add);
		this.broker.deleteLater(replyQueue);
		this.server.reply(replyQueue, bytes("{\"result\": 1}"));
		IncomingMessage reply = replies.poll(10, TimeUnit.SECONDS);
		assertThat(reply).isNotNull();
		assertThat(new String(reply.body())).isEqualTo("{\"result\": 1}");
		assertThat(reply.queue()).isEqualTo(replyQueue);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.broker.messageCount(replyQueue) == 0);
	}

	@Test
	void repliesAreAckedInBatchesAndNoneStaysUnacknowledged() throws Exception {
		BlockingQueue<IncomingMessage> replies = new LinkedBlockingQueue<>();
		String replyQueue = this.client.replyQueue(replies::add);
		this.broker.deleteLater(replyQueue);
		int count = ReplyAcks.MAX_BATCH + 8;
		for (int i = 0; i < count; i++) {
			this.server.reply(replyQueue, bytes("{\"result\": " + i + "}"));
		}
		for (int i = 0; i < count; i++) {
			IncomingMessage reply = replies.poll(10, TimeUnit.SECONDS);
			assertThat(reply).as("reply %d", i).isNotNull();
			assertThat(new String(reply.body())).isEqualTo("{\"result\": " + i + "}");
		}
		// the first batch by count, the rest by the delayed flush: the broker holds none
		await().atMost(Duration.ofSeconds(5))
			.until(() -> unacknowledged(replyQueue), (line) -> line.equals(replyQueue + "\t0\t0"));
	}

	private static String unacknowledged(String queue) throws Exception {
		for (String line : RabbitTestSupport
			.rabbitmqctl("list_queues", "name", "messages_ready", "messages_unacknowledged")
			.split("\n")) {
			if (line.startsWith(queue + "\t")) {
				return line.trim();
			}
		}
		return "";
	}

	@Test
	void replyGoesToTheDefaultExchangeWithoutExpiration() throws Exception {
		String queue;
		try (var channel = this.broker.channel()) {
			queue = channel.queueDeclare().getQueue();
		}
		this.server.reply(queue, bytes("{}"));
		GetResponse response = this.broker.get(queue);
		assertThat(response).isNotNull();
		assertThat(response.getEnvelope().getExchange()).isEmpty();
		assertThat(response.getEnvelope().getRoutingKey()).isEqualTo(queue);
		RabbitPublishTests.assertKombuProperties(response.getProps(), null);
	}

	@Test
	void replyToMissingQueueIsRetriedThenAbandonedAndThenDroppedAtOnce() {
		long start = System.nanoTime();
		this.server.reply("reply_" + unique("missing"), bytes("{}"));
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(elapsedMillis).isBetween(900L, 5000L);
		String obsolete = "reply_obsolete_" + unique("q");
		this.server.reply(obsolete, bytes("{}"));
		start = System.nanoTime();
		this.server.reply(obsolete, bytes("{}"));
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
	}

	@Test
	void asyncReplyToAMissingQueueIsRetriedUntilTheQueueAppears() throws Exception {
		String queue = "reply_" + unique("late");
		this.broker.deleteLater(queue);
		RabbitTransport patient = RabbitTestSupport.transport(TransportSettings.defaults()
			.withControlExchange(this.exchange)
			.withOptions(Map.of("kombu_missing_consumer_retry_timeout", "20")));
		try (patient) {
			CompletableFuture<Void> sent = patient.replyAsync(queue, bytes("{\"late\": true}"));
			// returned by the broker and retried every 0.25 s: not done while the queue
			// is missing
			await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> !sent.isDone());
			try (var channel = this.broker.channel()) {
				channel.queueDeclare(queue, false, false, false, null);
			}
			sent.get(10, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.broker.messageCount(queue) == 1);
			assertThat(new String(this.broker.get(queue).getBody())).isEqualTo("{\"late\": true}");
		}
	}

	@Test
	void asyncReplyToAMissingQueueIsAbandonedAfterTheRetryTimeoutAndTheQueueThenDroppedAtOnce() throws Exception {
		String missing = "reply_" + unique("gone");
		long start = System.nanoTime();
		CompletableFuture<Void> sent = this.server.replyAsync(missing, bytes("{}"));
		assertThat(sent).as("returns before the broker answered").isNotDone();
		sent.get(10, TimeUnit.SECONDS);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(900L, 5000L);
		CompletableFuture<Void> again = this.server.replyAsync(missing, bytes("{}"));
		assertThat(again).as("an obsolete queue is not tried again").isDone();
	}

	@Test
	void asyncReplyOnAClosedTransportFailsWithADeliveryError() {
		this.server.close();
		assertThatExceptionOfType(RpcDeliveryException.class)
			.isThrownBy(() -> this.server.replyAsync("reply_" + unique("closed"), bytes("{}")).join())
			.withMessageContaining("closed");
	}

	@Test
	void sendAndReplyRoundTripLatency() throws Exception {
		String topic = unique("rtt");
		this.broker.deleteLater(topic, topic + ".s");
		BlockingQueue<IncomingMessage> replies = new LinkedBlockingQueue<>();
		String replyQueue = this.client.replyQueue(replies::add);
		this.broker.deleteLater(replyQueue);
		this.server.listen(Target.server(topic, "s"), (message) -> {
			message.ack();
			this.server.reply(replyQueue, message.body());
		});
		Target target = Target.topic(topic);
		byte[] body = bytes("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{}\"}");
		for (int i = 0; i < 300; i++) {
			this.client.send(target, body, Duration.ofSeconds(10));
			assertThat(replies.poll(10, TimeUnit.SECONDS)).isNotNull();
		}
		int n = 1000;
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			this.client.send(target, body, Duration.ofSeconds(10));
			assertThat(replies.poll(10, TimeUnit.SECONDS)).isNotNull();
		}
		System.out.println("send + reply round trip: " + (System.nanoTime() - start) / 1000 / n + " us");
	}

}
