package io.oslo4j.rpc.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ReplyWaiter;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A client's reply queue that RabbitMQ lost while its consumer stayed on it (what a
 * RabbitMQ 3.10 cluster can do to a classic queue on a node that stopped) is found by the
 * reply queue check that a timed-out call starts, declared again and consumed again under
 * the same name: the reply the server was still retrying arrives (counted late), and the
 * next calls are answered. The loss is made on the shared broker by deleting the queue's
 * record without telling its consumer ({@code rabbit_amqqueue:internal_delete}).
 */
@Timeout(120)
class ReplyQueueRepairTest {

	private final String topic = "faults_repair_" + System.nanoTime();

	@AfterEach
	void deleteQueues() {
		SharedBroker.deleteQueues(this.topic);
	}

	@Test
	void aReplyQueueLostUnderItsConsumerIsRepairedAfterACallTimesOut() throws Exception {
		try (RabbitTransport serverTransport = (RabbitTransport) Transports.create(TestBroker.url());
				RabbitTransport clientTransport = (RabbitTransport) Transports.create(TestBroker.url())) {
			FaultEndpoint endpoint = new FaultEndpoint("s1");
			RpcServer server = RpcServer.create(serverTransport, Target.server(this.topic, "s1"), endpoint).start();
			await().atMost(Duration.ofSeconds(30)).until(server::isRunning);
			RpcTemplate client = new RpcTemplate(clientTransport, Target.topic(this.topic))
				.prepare((p) -> p.timeout(Duration.ofSeconds(2)));
			assertThat(client.call(RpcContext.empty(), "add", java.util.Map.of("a", 1, "b", 2), Integer.class))
				.isEqualTo(3);
			String replyQueue = clientTransport.replyQueue(ReplyWaiter.of(clientTransport));

			loseUnderItsConsumer(replyQueue);
			long started = System.nanoTime();
			assertThatExceptionOfType(RpcTimeoutException.class).isThrownBy(
					() -> client.call(RpcContext.empty(), "add", java.util.Map.of("a", 2, "b", 2), Integer.class));

			await().atMost(Duration.ofSeconds(20)).until(() -> clientTransport.replyQueueRepairs() == 1);
			double repairedAfter = (System.nanoTime() - started) / 1e9;
			await().atMost(Duration.ofSeconds(20)).until(() -> ReplyWaiter.of(clientTransport).lateReplies() == 1);
			assertThat(client.call(RpcContext.empty(), "add", java.util.Map.of("a", 3, "b", 4), Integer.class))
				.isEqualTo(7);
			assertThat(clientTransport.replyQueue(ReplyWaiter.of(clientTransport))).as("the same name")
				.isEqualTo(replyQueue);
			assertThat(SharedBroker.queues(replyQueue)).containsExactly(replyQueue);
			System.out.printf(
					"[faults] reply queue lost under its consumer: repaired %.1f s after the call that "
							+ "timed out was sent (2 s timeout); the server's retried reply arrived late; repairs %d%n",
					repairedAfter, clientTransport.replyQueueRepairs());
			// the check that follows the repair finds the queue receiving
			await().during(Duration.ofSeconds(8))
				.atMost(Duration.ofSeconds(12))
				.until(() -> clientTransport.replyQueueRepairs() == 1);
			SharedBroker.deleteQueues(replyQueue);
		}
	}

	/**
	 * Deletes the queue's record from the broker's database, leaving its process and
	 * consumer in place: messages sent to it are unroutable and nothing tells the
	 * consumer.
	 */
	private static void loseUnderItsConsumer(String queue) throws IOException, InterruptedException {
		String expression = "rabbit_amqqueue:internal_delete(rabbit_misc:r(<<\"/\">>, queue, <<\"" + queue
				+ "\">>), <<\"oslo4j-test\">>).";
		Process process = new ProcessBuilder("rabbitmqctl", "eval", expression).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(SharedBroker.queues(queue)).as("the queue is gone from the broker's list").isEmpty();
	}

}
