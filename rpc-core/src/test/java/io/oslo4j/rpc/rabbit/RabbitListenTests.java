package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.transport.Listener;
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
 * {@link RabbitTransport#listen}: routing to the three queues of a server, fanout to
 * every server, settlement semantics, handler failures, stop and close.
 */
@Timeout(60)
class RabbitListenTests {

	private RabbitTestSupport broker;

	private RabbitTransport transport;

	private String exchange;

	private String topic;

	private final BlockingQueue<IncomingMessage> received = new LinkedBlockingQueue<>();

	@BeforeEach
	void setUp() throws Exception {
		this.broker = new RabbitTestSupport();
		this.exchange = unique("lsnex");
		this.topic = unique("topic");
		this.transport = RabbitTestSupport.transport(TransportSettings.defaults().withControlExchange(this.exchange));
		this.broker.deleteExchangeLater(this.exchange);
		this.broker.deleteLater(this.topic, this.topic + ".s1", this.topic + ".s2");
	}

	@AfterEach
	void tearDown() throws Exception {
		this.transport.close();
		this.broker.close();
	}

	@Test
	void deliversMessagesForTopicServerAndFanoutWithTheirProperties() throws Exception {
		Listener listener = this.transport.listen(Target.server(this.topic, "s1"), this::collect);
		this.transport.send(Target.topic(this.topic), bytes("1"), null);
		this.transport.send(Target.server(this.topic, "s1"), bytes("2"), Duration.ofSeconds(5));
		this.transport.send(Target.topic(this.topic).withFanout(true), bytes("3"), null);
		IncomingMessage first = next();
		IncomingMessage second = next();
		IncomingMessage third = next();
		assertThat(new String(first.body())).isEqualTo("1");
		assertThat(first.queue()).isEqualTo(this.topic);
		assertThat(first.contentType()).isEqualTo("application/json");
		assertThat(first.contentEncoding()).isEqualTo("utf-8");
		assertThat(first.redelivered()).isFalse();
		assertThat(second.queue()).isEqualTo(this.topic + ".s1");
		assertThat(third.queue()).startsWith(this.topic + "_fanout_").hasSize(this.topic.length() + 8 + 32);
		first.ack();
		second.ack();
		third.ack();
		await().atMost(Duration.ofSeconds(5)).until(listener::isRunning);
	}

	@Test
	void fanoutReachesEveryServerAndTopicOnlyOne() throws Exception {
		BlockingQueue<IncomingMessage> other = new LinkedBlockingQueue<>();
		this.transport.listen(Target.server(this.topic, "s1"), this::collect);
		try (RabbitTransport second = RabbitTestSupport
			.transport(TransportSettings.defaults().withControlExchange(this.exchange))) {
			second.listen(Target.server(this.topic, "s2"), (message) -> {
				message.ack();
				other.add(message);
			});
			this.transport.send(Target.topic(this.topic).withFanout(true), bytes("f"), null);
			assertThat(new String(next().body())).isEqualTo("f");
			IncomingMessage otherMessage = other.poll(10, TimeUnit.SECONDS);
			assertThat(otherMessage).isNotNull();
			assertThat(new String(otherMessage.body())).isEqualTo("f");
			this.transport.send(Target.server(this.topic, "s2"), bytes("direct"), null);
			IncomingMessage direct = other.poll(10, TimeUnit.SECONDS);
			assertThat(direct).isNotNull();
			assertThat(direct.queue()).isEqualTo(this.topic + ".s2");
			assertThat(this.received.poll(200, TimeUnit.MILLISECONDS)).isNull();
		}
	}

	@Test
	void handlerThatThrowsDoesNotKillTheConsumerAndItsMessageIsDropped() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		Listener listener = this.transport.listen(Target.server(this.topic, "s1"), (message) -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("boom");
			}
			message.ack();
			this.received.add(message);
		});
		this.transport.send(Target.topic(this.topic), bytes("bad"), null);
		this.transport.send(Target.topic(this.topic), bytes("good"), null);
		assertThat(new String(next().body())).isEqualTo("good");
		// the consumers of T.S and the fanout queue may register just after T's delivered
		await().atMost(Duration.ofSeconds(5)).until(listener::isRunning);
		assertThat(this.broker.messageCount(this.topic)).isZero();
		assertThat(calls).hasValue(2);
	}

	@Test
	void rejectWithRequeueRedeliversAndSettlesOnlyOnce() throws Exception {
		this.transport.listen(Target.server(this.topic, "s1"), this::collect);
		this.transport.send(Target.topic(this.topic), bytes("again"), null);
		IncomingMessage first = next();
		first.reject(true);
		first.ack();
		first.reject(false);
		IncomingMessage second = next();
		assertThat(new String(second.body())).isEqualTo("again");
		assertThat(second.redelivered()).isTrue();
		second.ack();
		second.ack();
		this.transport.send(Target.topic(this.topic), bytes("after"), null);
		IncomingMessage third = next();
		assertThat(new String(third.body())).isEqualTo("after");
		third.reject(false);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.broker.messageCount(this.topic) == 0);
		assertThat(this.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void messageWithoutContentTypeIsReportedAsSuch() throws Exception {
		this.transport.listen(Target.server(this.topic, "s1"), this::collect);
		try (var channel = this.broker.channel()) {
			channel.basicPublish(this.exchange, this.topic, null, bytes("raw"));
		}
		IncomingMessage message = next();
		assertThat(message.contentType()).isNull();
		assertThat(message.contentEncoding()).isNull();
		message.reject(false);
	}

	@Test
	void stopCancelsConsumersAndCloseDeletesTheFanoutQueue() throws Exception {
		RabbitServerListener listener = (RabbitServerListener) this.transport.listen(Target.server(this.topic, "s1"),
				this::collect);
		String fanoutQueue = listener.fanoutQueue();
		await().atMost(Duration.ofSeconds(5)).until(listener::isRunning);
		listener.stop();
		assertThat(listener.isRunning()).isFalse();
		this.transport.send(Target.topic(this.topic), bytes("kept"), null);
		assertThat(this.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
		assertThat(this.broker.messageCount(this.topic)).isEqualTo(1);
		assertThat(this.broker.queueExists(fanoutQueue)).isTrue();
		listener.close();
		listener.close();
		assertThat(this.broker.queueExists(fanoutQueue)).isFalse();
		assertThat(this.broker.queueExists(this.topic)).isTrue();
	}

	private void collect(IncomingMessage message) {
		this.received.add(message);
	}

	private IncomingMessage next() throws InterruptedException {
		IncomingMessage message = this.received.poll(10, TimeUnit.SECONDS);
		assertThat(message).as("a message within 10 s").isNotNull();
		return message;
	}

	static Map<String, String> options(String... keyValues) {
		Map<String, String> options = new java.util.HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			options.put(keyValues[i], keyValues[i + 1]);
		}
		return options;
	}

}
