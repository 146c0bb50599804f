package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.test.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.rabbit.RabbitTestSupport.bytes;
import static io.oslo4j.rpc.rabbit.RabbitTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link RabbitTransport#close()}: prompt, idempotent, and leaves no thread behind; the
 * transport is found by {@link Transports} through the service loader.
 */
@Timeout(60)
class RabbitCloseTests {

	@Test
	void closeIsPromptIdempotentAndLeavesNoThreads() throws Exception {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		String exchange = unique("closeex");
		String topic = unique("topic");
		Transport transport = Transports.create(TransportUrl.parse(TestBroker.url()),
				TransportSettings.defaults().withControlExchange(exchange));
		assertThat(transport).isInstanceOf(RabbitTransport.class);
		BlockingQueue<IncomingMessage> received = new LinkedBlockingQueue<>();
		Listener listener = transport.listen(Target.server(topic, "s1"), (message) -> {
			message.ack();
			received.add(message);
		});
		String replyQueue = transport.replyQueue(received::add);
		transport.send(Target.topic(topic), bytes("{}"), null);
		assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
		transport.reply(replyQueue, bytes("{}"));
		assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
		await().atMost(Duration.ofSeconds(5)).until(listener::isRunning);
		assertThat(transport.isConnected()).isTrue();

		long start = System.nanoTime();
		transport.close();
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		transport.close();
		assertThat(millis).as("close() in ms").isLessThan(1000);
		assertThat(transport.isConnected()).isFalse();
		assertThat(listener.isRunning()).isFalse();

		await().pollInSameThread()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(newThreads(before)).isEmpty());
		try (RabbitTestSupport broker = new RabbitTestSupport()) {
			broker.deleteLater(topic, topic + ".s1", replyQueue);
			broker.deleteExchangeLater(exchange);
		}
	}

	private static Set<String> newThreads(Set<Thread> before) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !before.contains(thread) && thread.isAlive())
			.map(Thread::getName)
			.filter((name) -> !name.startsWith("awaitility") && !name.startsWith("ForkJoinPool")
					&& !name.equals("Attach Listener") && !name.startsWith("process reaper"))
			.collect(Collectors.toSet());
	}

}
