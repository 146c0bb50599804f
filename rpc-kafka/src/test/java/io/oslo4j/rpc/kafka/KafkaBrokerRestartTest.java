package io.oslo4j.rpc.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.notify.NotificationListener;
import io.oslo4j.rpc.notify.NotificationListenerOptions;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.notify.NotifierDriver;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart of the Kafka broker under a running notifier and listener: notifications sent
 * before, while the broker is down (the producer buffers them) and after all arrive, once
 * each; the listener and the transport's health recover by themselves. Prints what it
 * measured (docs/notifications.md quotes it).
 */
@Timeout(300)
class KafkaBrokerRestartTest {

	private static final Duration WAIT = Duration.ofSeconds(120);

	private final KafkaTestBroker broker = KafkaTestBroker.get();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		this.broker.start();
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

	@Test
	void notificationsSentBeforeDuringAndAfterARestartAllArriveOnce() {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "kr_restart", 2);
		Recording recording = new Recording();
		Transport listening = track(Transports.create(this.broker.url()));
		NotificationListener listener = track(
				NotificationListener.create(listening, List.of(Target.topic(topics.topic())), List.of(recording),
						NotificationListenerOptions.defaults().withPool(topics.group("restart"))));
		listener.start();
		await().atMost(WAIT).until(listener::isRunning);
		Transport sending = track(Transports.create(this.broker.url()));
		Notifier notifier = new Notifier(sending, "p", NotifierDriver.MESSAGING_V2, List.of(topics.topic()));

		send(notifier, "before", 50);
		await().atMost(WAIT).until(() -> recording.count() == 50);

		long stopping = System.nanoTime();
		this.broker.stop();
		long stopped = System.nanoTime();
		await().atMost(WAIT).until(() -> !sending.connect(Duration.ofSeconds(6)));
		send(notifier, "during", 50);
		long starting = System.nanoTime();
		this.broker.start();
		long started = System.nanoTime();
		await().atMost(WAIT).until(() -> recording.count() == 100);
		long buffered = System.nanoTime();
		send(notifier, "after", 50);
		await().atMost(WAIT).until(() -> recording.count() == 150);
		await().atMost(WAIT).until(() -> sending.connect(Duration.ofSeconds(5)) && listener.isRunning());

		Set<String> ids = new HashSet<>();
		recording.received.stream().map(Notification::messageId).forEach(ids::add);
		assertThat(ids).hasSize(150);
		System.out.printf(
				"Kafka broker restart: clean stop %d ms, start %d ms; 50 notifications sent while down all "
						+ "delivered %d ms after the restart; 150 of 150 received, 0 duplicates%n",
				ms(stopped - stopping), ms(started - starting), ms(buffered - started));
	}

	private static void send(Notifier notifier, String phase, int count) {
		for (int i = 0; i < count; i++) {
			notifier.info(RpcContext.empty(), "e." + phase, i);
		}
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

}
