package io.oslo4j.rpc.transport.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.InvalidTargetException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.transport.fake.Recorder.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Routing and delivery of the {@code fake://} transport: the same results oslo's topology
 * gives on RabbitMQ.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FakeTransportTest {

	private final String vhost = "fake-test-" + UUID.randomUUID();

	private final List<Transport> transports = new ArrayList<>();

	@AfterEach
	void closeTransports() {
		this.transports.forEach(Transport::close);
	}

	private Transport transport() {
		return transport(this.vhost);
	}

	private Transport transport(String vhost) {
		Transport transport = Transports.create("fake:///" + vhost);
		this.transports.add(transport);
		return transport;
	}

	@Test
	void factoryMakesFakeTransportsForFakeUrls() {
		assertThat(transport()).isInstanceOf(FakeTransport.class);
		assertThat(transport().isConnected()).isTrue();
		assertThat(((FakeTransport) transport()).broker().virtualHost()).isEqualTo(this.vhost);
	}

	@Test
	void topicMessagesAreSharedRoundRobinBetweenListeners() {
		Transport transport = transport();
		Recorder a = new Recorder();
		Recorder b = new Recorder();
		transport.listen(Target.server("t", "a"), a);
		transport.listen(Target.server("t", "b"), b);
		for (int i = 0; i < 6; i++) {
			transport.send(Target.topic("t"), bytes("m" + i), null);
		}
		await().until(() -> a.received().size() + b.received().size() == 6);
		assertThat(a.bodies()).containsExactly("m0", "m2", "m4");
		assertThat(b.bodies()).containsExactly("m1", "m3", "m5");
		assertThat(a.received()).allSatisfy((r) -> assertThat(r.queue()).isEqualTo("t"));
	}

	@Test
	void serverMessagesReachOnlyThatServer() {
		Transport transport = transport();
		Recorder a = new Recorder();
		Recorder b = new Recorder();
		transport.listen(Target.server("t", "a"), a);
		transport.listen(Target.server("t", "b"), b);
		for (int i = 0; i < 3; i++) {
			transport.send(Target.server("t", "a"), bytes("to-a" + i), null);
		}
		transport.send(Target.topic("t").withFanout(true), bytes("marker"), null);
		await().until(() -> a.bodies().contains("marker") && b.bodies().contains("marker"));
		assertThat(a.bodies()).containsExactly("to-a0", "to-a1", "to-a2", "marker");
		assertThat(a.received().get(0).queue()).isEqualTo("t.a");
		assertThat(b.bodies()).containsExactly("marker");
	}

	@Test
	void fanoutReachesEveryListenerAndIgnoresServerAndExchange() {
		Transport transport = transport();
		List<Recorder> recorders = List.of(new Recorder(), new Recorder(), new Recorder());
		for (int i = 0; i < recorders.size(); i++) {
			transport.listen(Target.server("t", "s" + i), recorders.get(i));
		}
		transport.send(new Target("elsewhere", "t", "s0", true, null, null), bytes("all"), null);
		await().until(() -> recorders.stream().allMatch((r) -> r.bodies().equals(List.of("all"))));
		assertThat(recorders)
			.allSatisfy((r) -> assertThat(r.received().get(0).queue()).matches("t_fanout_[0-9a-f]{32}"));
	}

	@Test
	void targetExchangeReplacesControlExchange() {
		Transport transport = transport();
		Recorder nova = new Recorder();
		Recorder openstack = new Recorder();
		transport.listen(Target.server("t", "a").withExchange("nova"), nova);
		Transport other = transport();
		assertThat(other.controlExchange()).isEqualTo("openstack");
		other.listen(Target.server("t", "b"), openstack);
		transport.send(Target.topic("t").withExchange("nova"), bytes("nova"), null);
		transport.send(Target.topic("t"), bytes("openstack"), null);
		await().until(() -> nova.received().size() + openstack.received().size() == 2);
		assertThat(nova.bodies()).containsExactly("nova");
		assertThat(openstack.bodies()).containsExactly("openstack");
	}

	@Test
	void messagesToNoQueueAreDropped() {
		Transport transport = transport();
		transport.send(Target.topic("nobody"), bytes("lost"), null);
		Recorder late = new Recorder();
		transport.listen(Target.server("nobody", "late"), late);
		transport.send(Target.topic("nobody"), bytes("kept"), null);
		await().until(() -> late.bodies().contains("kept"));
		assertThat(late.bodies()).containsExactly("kept");
	}

	@Test
	void handlersRunOnTheListenersDaemonThreadNeverOnThePublisher() throws InterruptedException {
		Transport transport = transport();
		CountDownLatch release = new CountDownLatch(1);
		Recorder blocking = new Recorder((message) -> {
			awaitQuietly(release);
			message.ack();
		});
		transport.listen(Target.server("t", "a"), blocking);
		long start = System.nanoTime();
		for (int i = 0; i < 100; i++) {
			transport.send(Target.topic("t"), bytes("m" + i), null);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		release.countDown();
		await().until(() -> blocking.received().size() == 100);
		assertThat(blocking.bodies()).startsWith("m0", "m1", "m2").endsWith("m99");
		Thread thread = blocking.received().get(0).thread();
		assertThat(thread).isNotSameAs(Thread.currentThread());
		assertThat(thread.isDaemon()).isTrue();
		assertThat(thread.getName()).isEqualTo("oslo4j-fake-t.a");
	}

	@Test
	void messageNotDeliveredBeforeItsExpirationIsDiscarded() {
		Transport transport = transport();
		CountDownLatch release = new CountDownLatch(1);
		Recorder recorder = new Recorder((message) -> {
			if (Recorder.text(message).equals("first")) {
				awaitQuietly(release);
			}
			message.ack();
		});
		transport.listen(Target.server("t", "a"), recorder);
		transport.send(Target.topic("t"), bytes("first"), null);
		await().until(() -> recorder.bodies().contains("first"));
		long sent = System.nanoTime();
		transport.send(Target.topic("t"), bytes("expiring"), Duration.ofMillis(20));
		transport.send(Target.topic("t"), bytes("lasting"), Duration.ofMinutes(1));
		await().pollInterval(Duration.ofMillis(5)).until(() -> System.nanoTime() - sent > 50_000_000L);
		release.countDown();
		await().until(() -> recorder.bodies().contains("lasting"));
		assertThat(recorder.bodies()).containsExactly("first", "lasting");
	}

	@Test
	void requeuedMessageComesBackFirstMarkedRedelivered() {
		Transport transport = transport();
		Recorder recorder = new Recorder((message) -> {
			if (Recorder.text(message).equals("again") && !message.redelivered()) {
				message.reject(true);
			}
			else {
				message.ack();
			}
		});
		transport.listen(Target.server("t", "a"), recorder);
		transport.send(Target.topic("t"), bytes("again"), null);
		await().until(() -> recorder.received().size() == 2);
		assertThat(recorder.received()).extracting(Recorder.Received::body, Recorder.Received::redelivered)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("again", false),
					org.assertj.core.groups.Tuple.tuple("again", true));
	}

	@Test
	void firstSettlementWinsAndRejectWithoutRequeueDrops() {
		Transport transport = transport();
		Recorder recorder = new Recorder((message) -> {
			switch (Recorder.text(message)) {
				case "acked" -> {
					message.ack();
					message.ack();
					message.reject(true);
				}
				case "dropped" -> {
					message.reject(false);
					message.reject(true);
				}
				default -> message.ack();
			}
		});
		transport.listen(Target.server("t", "a"), recorder);
		transport.send(Target.topic("t"), bytes("acked"), null);
		transport.send(Target.topic("t"), bytes("dropped"), null);
		transport.send(Target.topic("t"), bytes("marker"), null);
		await().until(() -> recorder.bodies().contains("marker"));
		assertThat(recorder.bodies()).containsExactly("acked", "dropped", "marker");
		assertThat(((FakeTransport) transport).broker().queue("t").messageCount()).isZero();
	}

	@Test
	void handlerThatThrowsHasItsMessageRejectedAndTheListenerGoesOn() {
		Transport transport = transport();
		Recorder recorder = new Recorder((message) -> {
			if (Recorder.text(message).equals("boom")) {
				throw new IllegalStateException("boom");
			}
			message.ack();
		});
		Listener listener = transport.listen(Target.server("t", "a"), recorder);
		transport.send(Target.topic("t"), bytes("boom"), null);
		transport.send(Target.topic("t"), bytes("ok"), null);
		await().until(() -> recorder.bodies().contains("ok"));
		assertThat(recorder.bodies()).containsExactly("boom", "ok");
		assertThat(listener.isRunning()).isTrue();
	}

	@Test
	void virtualHostsAreIsolated() {
		Recorder here = new Recorder();
		Recorder there = new Recorder();
		Transport transport = transport();
		transport.listen(Target.server("t", "a"), here);
		transport(this.vhost + "-other").listen(Target.server("t", "a"), there);
		transport(this.vhost).send(Target.topic("t"), bytes("local"), null);
		transport(this.vhost + "-other").send(Target.topic("t"), bytes("other"), null);
		await().until(() -> here.received().size() == 1 && there.received().size() == 1);
		assertThat(here.bodies()).containsExactly("local");
		assertThat(there.bodies()).containsExactly("other");
	}

	@Test
	void sendingWithoutTopicIsRefusedWithOslosMessage() {
		Transport transport = transport();
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> transport.send(Target.empty().withServer("s"), bytes("x"), null))
			.withMessage("A topic is required to send:<Target server=s>");
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> transport.listen(Target.topic("t"), new Recorder()))
			.withMessage("A server's target must have topic and server names specified:<Target topic=t>");
	}

	static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
