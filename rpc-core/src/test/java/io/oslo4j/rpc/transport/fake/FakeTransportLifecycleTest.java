package io.oslo4j.rpc.transport.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.RpcException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.transport.fake.FakeTransportTest.awaitQuietly;
import static io.oslo4j.rpc.transport.fake.Recorder.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Reply queues, stopping and closing of the {@code fake://} transport.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FakeTransportLifecycleTest {

	private final String vhost = "fake-lifecycle-" + UUID.randomUUID();

	private final List<Transport> transports = new ArrayList<>();

	@AfterEach
	void closeTransports() {
		this.transports.forEach(Transport::close);
	}

	private FakeTransport transport(String query) {
		Transport transport = Transports.create("fake:///" + this.vhost + query);
		this.transports.add(transport);
		return (FakeTransport) transport;
	}

	@Test
	void replyRoundTripBetweenTwoTransportsOfTheSameVirtualHost() {
		FakeTransport server = transport("");
		FakeTransport client = transport("");
		server.listen(Target.server("t", "s"), (message) -> {
			message.ack();
			String[] request = Recorder.text(message).split("\\|");
			server.reply(request[0], bytes("re:" + request[1]));
		});
		Recorder replies = new Recorder((message) -> {
		});
		String replyQueue = client.replyQueue(replies);
		assertThat(replyQueue).matches("reply_[0-9a-f]{32}");
		assertThat(client.replyQueue(new Recorder())).isEqualTo(replyQueue);
		client.send(Target.topic("t"), bytes(replyQueue + "|hello"), Duration.ofSeconds(30));
		await().until(() -> replies.bodies().contains("re:hello"));
		assertThat(replies.received().get(0).queue()).isEqualTo(replyQueue);
		assertThat(replies.received().get(0).thread().getName()).isEqualTo("oslo4j-fake-t.s");
		assertThat(client.broker().queue(replyQueue).messageCount()).isZero();
	}

	@Test
	void replyToMissingQueueIsDroppedAfterTheRetryTimeout() {
		FakeTransport server = transport("?kombu_missing_consumer_retry_timeout=0.2");
		long start = System.nanoTime();
		server.reply("reply_missing", bytes("lost"));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).isBetween(Duration.ofMillis(150), Duration.ofSeconds(3));
		assertThat(server.broker().queue("reply_missing")).isNull();
	}

	@Test
	void replyWaitsForItsQueueToBeDeclared() {
		FakeTransport server = transport("");
		FakeTransport client = transport("");
		String queue = "reply_" + UUID.randomUUID().toString().replace("-", "");
		CompletableFuture<Void> reply = new CompletableFuture<>();
		Thread replier = new Thread(() -> {
			server.reply(queue, bytes("late"));
			reply.complete(null);
		}, "replier");
		replier.start();
		await().until(() -> replier.getState() == Thread.State.TIMED_WAITING);
		assertThat(reply).isNotDone();
		List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
		client.broker().declareQueue(queue).addConsumer((delivery) -> {
			received.add(Recorder.text(delivery));
			delivery.ack();
		});
		await().until(reply::isDone);
		assertThat(received).containsExactly("late");
	}

	@Test
	void badRetryTimeoutIsAnInvalidUrl() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> Transports.create("fake:///x?kombu_missing_consumer_retry_timeout=soon"))
			.withMessageContaining("kombu_missing_consumer_retry_timeout");
	}

	@Test
	void stoppedListenerTakesNoNewMessagesButInFlightOnesFinish() {
		FakeTransport transport = transport("");
		CountDownLatch release = new CountDownLatch(1);
		Recorder recorder = new Recorder((message) -> {
			awaitQuietly(release);
			message.ack();
		});
		Listener listener = transport.listen(Target.server("t", "a"), recorder);
		assertThat(listener.isRunning()).isTrue();
		transport.send(Target.topic("t"), bytes("in-flight"), null);
		transport.send(Target.topic("t"), bytes("queued"), null);
		await().until(() -> recorder.received().size() == 1);
		listener.stop();
		listener.stop();
		assertThat(listener.isRunning()).isFalse();
		transport.send(Target.server("t", "a"), bytes("after-stop"), null);
		release.countDown();
		FakeBroker broker = transport.broker();
		await().until(() -> broker.queue("t").messageCount() == 1 && broker.queue("t.a").messageCount() == 1);
		assertThat(recorder.bodies()).containsExactly("in-flight");
		Recorder next = new Recorder();
		transport.listen(Target.server("t", "a"), next);
		await().until(() -> next.received().size() == 2);
		assertThat(next.received()).extracting(Recorder.Received::body, Recorder.Received::redelivered)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("queued", true),
					org.assertj.core.groups.Tuple.tuple("after-stop", false));
	}

	@Test
	void closedListenerDeletesItsFanoutQueueOnly() {
		FakeTransport transport = transport("");
		FakeListener listener = (FakeListener) transport.listen(Target.server("t", "a"), new Recorder());
		String fanout = listener.fanoutQueue();
		assertThat(fanout).matches("t_fanout_[0-9a-f]{32}");
		assertThat(transport.broker().queueNames()).containsExactlyInAnyOrder("t", "t.a", fanout);
		listener.close();
		listener.close();
		assertThat(listener.isRunning()).isFalse();
		assertThat(transport.broker().queueNames()).containsExactlyInAnyOrder("t", "t.a");
		assertThat(transport.broker().exchange("t_fanout")).isNull();
		assertThat(transport.broker().exchange("openstack")).isNotNull();
		await().until(() -> !listener.worker().thread().isAlive());
	}

	@Test
	void closeIsPromptLeavesNoThreadsAndIsIdempotent() {
		FakeTransport transport = transport("");
		String topic = "close-" + UUID.randomUUID();
		CountDownLatch never = new CountDownLatch(1);
		transport.listen(Target.server(topic, "idle"), new Recorder());
		transport.listen(Target.server(topic, "busy"), new Recorder((message) -> awaitQuietly(never)));
		String replyQueue = transport.replyQueue(new Recorder());
		transport.send(Target.server(topic, "busy"), bytes("block"), null);
		await().until(() -> threadsNamed(topic).size() == 2);
		long start = System.nanoTime();
		transport.close();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		transport.close();
		await().atMost(Duration.ofSeconds(2)).until(() -> threadsNamed(topic).isEmpty());
		assertThat(threadsNamed(replyQueue)).isEmpty();
		assertThat(transport.isConnected()).isFalse();
		assertThat(transport.broker().queueNames()).noneMatch((name) -> name.startsWith(topic + "_fanout_"));
	}

	@Test
	void closedTransportRefusesToSend() {
		FakeTransport transport = transport("");
		transport.close();
		assertThatExceptionOfType(RpcDeliveryException.class)
			.isThrownBy(() -> transport.send(Target.topic("t"), bytes("x"), null))
			.isInstanceOf(RpcException.class)
			.withMessageStartingWith("transport is closed");
		assertThatExceptionOfType(RpcException.class).isThrownBy(() -> transport.reply("reply_x", bytes("x")));
		assertThatExceptionOfType(RpcException.class)
			.isThrownBy(() -> transport.listen(Target.server("t", "s"), new Recorder()));
		assertThatExceptionOfType(RpcException.class).isThrownBy(() -> transport.replyQueue(new Recorder()));
	}

	@Test
	void closeClosesComponentsFirst() {
		FakeTransport transport = transport("");
		List<String> events = new ArrayList<>();
		AutoCloseable component = transport.component(AutoCloseable.class,
				(t) -> () -> events.add("component closed, connected=" + t.isConnected()));
		assertThat(transport.component(AutoCloseable.class, (t) -> null)).isSameAs(component);
		transport.close();
		assertThat(events).containsExactly("component closed, connected=false");
	}

	@Test
	void aClosedTransportRefusesComponentsWithAClearMessage() {
		FakeTransport transport = transport("");
		transport.close();
		List<String> made = new ArrayList<>();
		assertThatIllegalStateException().isThrownBy(() -> transport.component(String.class, (t) -> {
			made.add("made");
			return "component";
		}))
			.withMessageContaining(transport.url().toString())
			.withMessageContaining("is closed")
			.withMessageContaining("String");
		assertThat(made).isEmpty();
	}

	private static List<Thread> threadsNamed(String part) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("oslo4j-fake-") && thread.getName().contains(part))
			.filter(Thread::isAlive)
			.toList();
	}

}
