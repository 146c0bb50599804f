package io.oslo4j.rpc.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.RabbitNode;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input on the shared fanout stream of a kolla-mode server (RabbitMQ 4.0.5, port
 * 5815): fanout casts published with a forged {@code x-stream-offset} header (a huge
 * offset, a text) are run once and do not move the server's resume position; after the
 * broker drops the server's connection the consumer resumes where it was, and after the
 * stream is deleted while consumed (the broker cancels the consumer) the server declares
 * it again and goes on serving.
 */
@Timeout(180)
class Debian13StreamFanoutFaultsTest {

	private static final String TOPIC = "faults_stream4";

	private static final String STREAM = TOPIC + "_fanout";

	@Test
	void forgedOffsetsAndADeletedStreamLeaveTheServerServing() throws Exception {
		try (RabbitNode node = RabbitNode.builder("oslo4j-faults-stream4", 5815).debian13().start();
				Transport serverTransport = Transports.create(node.url() + "?" + Debian13BrokerRestartTest.KOLLA_MODE);
				Transport clientTransport = Transports
					.create(node.url() + "?" + Debian13BrokerRestartTest.KOLLA_MODE)) {
			FaultEndpoint endpoint = new FaultEndpoint("s1");
			RpcServer server = RpcServer.create(serverTransport, Target.server(TOPIC, "s1"), endpoint).start();
			await().atMost(Duration.ofSeconds(30)).until(server::isRunning);
			RpcTemplate fanout = new RpcTemplate(clientTransport, Target.topic(TOPIC)).prepare((p) -> p.fanout(true));
			LogCapture logs = LogCapture.begin();

			castAndAwait(fanout, endpoint, "before");
			try (Connection raw = BrokerQueues.rawConnectionFactory(node.url()).newConnection();
					Channel channel = raw.createChannel()) {
				channel.confirmSelect();
				publishForged(channel, "forged-huge", Long.MAX_VALUE - 1);
				publishForged(channel, "forged-text", "not an offset");
				channel.waitForConfirmsOrDie(10_000);
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> endpoint.casts().containsKey("forged-huge")
						&& endpoint.casts().containsKey("forged-text"));

			// the broker drops the server's connections: the consumer comes back at its
			// offset
			node.ctl("close_all_connections", "oslo4j stream faults test");
			await().atMost(Duration.ofSeconds(30)).until(server::isRunning);
			castAndAwait(fanout, endpoint, "after-reconnect");

			// the stream deleted while consumed: the broker cancels the consumer
			long deleted = System.nanoTime();
			try (Connection again = BrokerQueues.rawConnectionFactory(node.url()).newConnection();
					Channel deleting = again.createChannel()) {
				deleting.queueDelete(STREAM);
			}
			castAndAwait(fanout, endpoint, "after-delete");
			double resumed = (System.nanoTime() - deleted) / 1e9;
			logs.close();

			System.out.printf(
					"[faults] stream fanout bad input, RabbitMQ 4.0.5 kolla mode: casts run %s; "
							+ "serving again %.2f s after the stream was deleted; fanout streams lost %d; "
							+ "warnings and errors logged: %s%n",
					endpoint.casts(), resumed, ((RabbitTransport) serverTransport).fanoutStreamsLost(), logs.summary());
			assertThat(((RabbitTransport) serverTransport).fanoutStreamsLost())
				.as("the deletion counted once, the first declaration and the reconnection not")
				.isEqualTo(1);
			assertThat(endpoint.casts()).as("each fanout cast run once")
				.allSatisfy((id, count) -> assertThat(count.get()).as(id).isEqualTo(1));
			assertThat(endpoint.casts().keySet()).as("fanout casts run")
				.anyMatch((id) -> id.startsWith("after-reconnect."))
				.anyMatch((id) -> id.startsWith("after-delete."));
			assertThat(server.isRunning()).isTrue();
			server.close();
		}
	}

	private static void castAndAwait(RpcTemplate fanout, FaultEndpoint endpoint, String id) {
		// a cast sent while the stream is being declared again goes nowhere (as with
		// oslo): send numbered casts until one arrives; each must run at most once
		AtomicInteger attempt = new AtomicInteger();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			if (!arrived(endpoint, id)) {
				fanout.cast(RpcContext.empty(), "record", Map.of("id", id + "." + attempt.incrementAndGet()));
			}
			return arrived(endpoint, id);
		});
	}

	private static boolean arrived(FaultEndpoint endpoint, String id) {
		return endpoint.casts().keySet().stream().anyMatch((key) -> key.startsWith(id + "."));
	}

	private static void publishForged(Channel channel, String id, Object offset) throws Exception {
		String message = "{\"method\": \"record\", \"args\": {\"id\": \"" + id + "\"}, \"version\": \"1.0\", "
				+ "\"_unique_id\": \"" + UUID.randomUUID().toString().replace("-", "") + "\"}";
		String body = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"" + message.replace("\"", "\\\"") + "\"}";
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
			.contentEncoding("utf-8")
			.deliveryMode(2)
			.headers(Map.of("x-stream-offset", offset))
			.build();
		channel.basicPublish(STREAM, "", properties, body.getBytes(StandardCharsets.UTF_8));
	}

}
