package io.oslo4j.rpc.transport.fake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.transport.fake.Recorder.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Taps and discarding of the in-memory brokers.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FakeBrokersTest {

	private final String vhost = "fake-brokers-test-" + UUID.randomUUID();

	@AfterEach
	void discardBrokers() {
		FakeBrokers.discard(this.vhost);
		FakeBrokers.discard(this.vhost + "-other");
	}

	@Test
	void aTapSeesRequestsCastsFanoutsAndNotificationsOfItsVirtualHostOnly() {
		List<String> seen = new CopyOnWriteArrayList<>();
		FakeTap tap = new FakeTap() {

			@Override
			public void sent(Target target, byte[] body) {
				seen.add("sent " + target.topic() + "/" + target.server() + "/" + target.fanout() + " "
						+ new String(body, StandardCharsets.UTF_8));
			}

			@Override
			public void notified(Target target, String priority, byte[] body) {
				seen.add(
						"notified " + target.topic() + "." + priority + " " + new String(body, StandardCharsets.UTF_8));
			}

		};
		FakeBrokers.addTap(this.vhost, tap);
		try (Transport transport = Transports.create("fake:///" + this.vhost);
				Transport other = Transports.create("fake:///" + this.vhost + "-other")) {
			transport.send(Target.topic("t"), bytes("a"), null);
			transport.send(Target.server("t", "s1"), bytes("b"), null);
			transport.send(Target.topic("t").withFanout(true), bytes("c"), null);
			transport.sendNotification(Target.topic("notifications"), "info", bytes("d"));
			other.send(Target.topic("t"), bytes("elsewhere"), null);
			FakeBrokers.removeTap(this.vhost, tap);
			transport.send(Target.topic("t"), bytes("after removal"), null);
		}
		assertThat(seen).containsExactly("sent t/null/false a", "sent t/s1/false b", "sent t/null/true c",
				"notified notifications.info d");
	}

	@Test
	void aFailingTapDoesNotStopThePublish() {
		FakeBrokers.addTap(this.vhost, new FakeTap() {

			@Override
			public void sent(Target target, byte[] body) {
				throw new IllegalStateException("tap failed");
			}

		});
		try (Transport transport = Transports.create("fake:///" + this.vhost)) {
			Recorder recorder = new Recorder();
			transport.listen(Target.server("t", "s"), recorder);
			transport.send(Target.topic("t"), bytes("m"), null);
			await().until(() -> recorder.bodies().contains("m"));
		}
	}

	@Test
	void aDiscardedVirtualHostStartsAgainWithAnEmptyBroker() {
		try (Transport before = Transports.create("fake:///" + this.vhost)) {
			before.sendNotification(Target.topic("notifications"), "info", bytes("kept"));
			FakeBroker old = ((FakeTransport) before).broker();
			assertThat(old.queueNames()).contains("notifications.info");
			FakeBrokers.discard(this.vhost);
			try (Transport after = Transports.create("fake:///" + this.vhost)) {
				FakeBroker fresh = ((FakeTransport) after).broker();
				assertThat(fresh).isNotSameAs(old);
				assertThat(fresh.queueNames()).isEmpty();
			}
		}
	}

}
