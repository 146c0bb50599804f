package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Pipelined publisher confirms on shared channels against the broker: many concurrent
 * senders, {@link RabbitTransport#sendAsync}, returned replies told apart from delivered
 * ones while both are in flight, and a channel closed by a broker error.
 */
@Timeout(60)
class RabbitConfirmTests {

	private RabbitTestSupport broker;

	private RabbitTransport transport;

	private String exchange;

	private ExecutorService threads;

	@BeforeEach
	void setUp() throws Exception {
		this.broker = new RabbitTestSupport();
		this.exchange = unique("confex");
		this.broker.deleteExchangeLater(this.exchange);
		this.transport = RabbitTestSupport.transport(TransportSettings.defaults()
			.withControlExchange(this.exchange)
			.withOptions(Map.of("kombu_missing_consumer_retry_timeout", "1")));
		this.threads = Executors.newFixedThreadPool(32);
	}

	@AfterEach
	void tearDown() throws Exception {
		this.threads.shutdownNow();
		this.transport.close();
		this.broker.close();
	}

	@Test
	void concurrentSendersAreEachConfirmedAndDeliveredOnce() throws Exception {
		String topic = unique("topic");
		String queue = this.broker.capture(this.exchange, "topic", topic, false, false);
		Target target = Target.topic(topic);
		int senders = 32;
		int each = 100;
		long start = System.nanoTime();
		List<Future<?>> done = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			boolean async = s % 2 == 0;
			done.add(this.threads.submit(() -> {
				List<CompletableFuture<Void>> confirms = new ArrayList<>();
				for (int i = 0; i < each; i++) {
					if (async) {
						confirms.add(this.transport.sendAsync(target, bytes("{}"), null));
					}
					else {
						this.transport.send(target, bytes("{}"), null);
					}
				}
				CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new)).join();
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get(30, TimeUnit.SECONDS);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%d confirmed sends from %d threads: %.0f msgs/s%n", senders * each, senders,
				senders * each / seconds);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.broker.messageCount(queue) == senders * each);
		assertThat(this.transport.publisherPendingConfirms()).isZero();
	}

	@Test
	void returnedRepliesAreToldApartFromDeliveredOnesInFlightWithThem() throws Exception {
		String queue;
		try (var channel = this.broker.channel()) {
			queue = channel.queueDeclare().getQueue();
		}
		String missing = "reply_" + unique("missing");
		Future<Long> toMissing = this.threads.submit(() -> {
			long start = System.nanoTime();
			this.transport.reply(missing, bytes("{\"same\": 1}"));
			return System.nanoTime() - start;
		});
		List<Future<?>> delivered = new ArrayList<>();
		for (int s = 0; s < 8; s++) {
			delivered.add(this.threads.submit(() -> {
				for (int i = 0; i < 25; i++) {
					// the same body as the returned reply: only the queue tells them
					// apart
					this.transport.reply(queue, bytes("{\"same\": 1}"));
				}
				return null;
			}));
		}
		for (Future<?> future : delivered) {
			future.get(30, TimeUnit.SECONDS);
		}
		assertThat(this.broker.messageCount(queue)).isEqualTo(200);
		assertThat(Duration.ofNanos(toMissing.get(30, TimeUnit.SECONDS)))
			.as("retried until kombu_missing_consumer_retry_timeout")
			.isGreaterThanOrEqualTo(Duration.ofMillis(900));
		long again = System.nanoTime();
		this.transport.reply(missing, bytes("{}"));
		assertThat(Duration.ofNanos(System.nanoTime() - again)).as("dropped at once: the queue is obsolete")
			.isLessThan(Duration.ofMillis(500));
	}

	@Test
	void aTopicExchangeDeletedBehindOurBackIsDeclaredAgain() throws Exception {
		String topic = unique("topic");
		Target target = Target.topic(topic);
		this.transport.send(target, bytes("{}"), null);
		try (var channel = this.broker.channel()) {
			channel.exchangeDelete(this.exchange);
		}
		// the publish closes its channel (404); the send declares the exchange and
		// publishes again on a new channel
		this.transport.send(target, bytes("{}"), null);
		String queue = this.broker.capture(this.exchange, "topic", topic, false, false);
		for (int i = 0; i < 10; i++) {
			this.transport.send(target, bytes("{}"), null);
		}
		assertThat(this.broker.messageCount(queue)).isEqualTo(10);
	}

	@Test
	void aFanoutExchangeDeletedBehindOurBackIsDeclaredAgainEveryTime() throws Exception {
		String topic = unique("topic");
		String name = topic + "_fanout";
		this.broker.deleteExchangeLater(name);
		Target fanout = Target.topic(topic).withFanout(true);
		for (int i = 0; i < 30; i++) {
			this.transport.send(fanout, bytes("{}"), null);
			try (var channel = this.broker.channel()) {
				// throws (404) when the send did not declare it again
				channel.exchangeDeclarePassive(name);
				channel.exchangeDelete(name);
			}
		}
	}

	@Test
	void sendAsyncReportsDeliveryFailuresThroughTheFuture() {
		try (RabbitTransport down = new RabbitTransport(
				TransportUrl.parse("rabbit://guest:secret@127.0.0.1:1/?connection_timeout=2"),
				TransportSettings.defaults())) {
			CompletableFuture<Void> sent = down.sendAsync(Target.topic("t"), bytes("{}"), null);
			assertThatThrownBy(sent::join).cause()
				.isInstanceOf(RpcDeliveryException.class)
				.hasMessageContaining("exchange 'openstack'")
				.hasMessageNotContaining("secret");
		}
	}

}
