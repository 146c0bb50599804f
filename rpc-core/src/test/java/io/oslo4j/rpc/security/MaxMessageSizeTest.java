package io.oslo4j.rpc.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.rabbit.RabbitOptions;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * oslo4j's {@code max_message_size}: a URL or settings option with a 16 MiB default, and
 * a body over it is rejected on receive, before any parsing, on RabbitMQ and on
 * {@code fake://}, by servers and by the reply consumer of clients alike.
 */
@Timeout(180)
class MaxMessageSizeTest {

	@Test
	void theLimitIsAnOptionOfTheUrlOrTheSettingsWithA16MibDefault() {
		assertThat(RabbitOptions.defaults().maxMessageSize()).isEqualTo(16 * 1024 * 1024);
		assertThat(rabbitOptions("rabbit://h/?max_message_size=1024", Map.of()).maxMessageSize()).isEqualTo(1024);
		assertThat(rabbitOptions("rabbit://h/", Map.of("max_message_size", "0")).maxMessageSize()).isZero();
		assertThat(rabbitOptions("rabbit://h/?max_message_size=10", Map.of("max_message_size", "20")).maxMessageSize())
			.isEqualTo(10);
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> rabbitOptions("rabbit://u:secret@h/?max_message_size=-1", Map.of()))
			.withMessageContaining("invalid value '-1' for option max_message_size")
			.withMessageNotContaining("secret");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> rabbitOptions("rabbit://h/?max_message_size=16MiB", Map.of()))
			.withMessageContaining("max_message_size");
		// still only known options: a misspelling is refused
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> rabbitOptions("rabbit://h/?max_msg_size=10", Map.of()))
			.withMessageContaining("no such option max_msg_size");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> Transports.create("fake:///sizes?max_message_size=big"))
			.withMessageContaining("max_message_size");
	}

	@Test
	void anOversizeRequestIsRejectedUnreadAndTheServerGoesOn() throws Exception {
		String url = TestBroker.url();
		try (RawPeer peer = new RawPeer(url);
				Transport transport = Transports.create(TransportUrl.parse(url),
						TransportSettings.defaults().withOptions(Map.of("max_message_size", "1024")));
				ServedTopic served = ServedTopic.serve(transport, "size", new FuzzEndpoint());
				LogCapture logs = LogCapture.asConfigured()) {
			peer.collectRejected(served.topic());
			Messages messages = new Messages(peer.replyQueue());
			Map<String, @Nullable Object> big = messages.call("echo", Messages.args("value", "z".repeat(2000)));
			Map<String, @Nullable Object> small = messages.call("echo", Messages.args("value", "fits"));
			peer.publish("openstack", served.topic(), Messages.result("oversize", big, "unused"), 1);
			peer.publish("openstack", served.topic(), Messages.result("small", small, "fits"), 2);
			peer.awaitConfirms();
			await().atMost(Duration.ofSeconds(30)).until(() -> peer.deadLettered().contains(1));
			await().atMost(Duration.ofSeconds(30)).until(() -> peer.replies().containsKey(small.get("_msg_id")));
			assertThat(peer.replies()).doesNotContainKey((String) big.get("_msg_id"));
			assertThat(peer.deadLettered()).containsExactly(1);
			assertThat(oversizeLines(logs)).singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage())
					.matches("Rejecting a message of \\d+ bytes from queue " + served.topic()
							+ ": larger than max_message_size \\(1024 bytes\\)")
					.doesNotContain("zzzz"));
		}
	}

	@Test
	void aBodyBeyondTheRabbitClientsOwnLimitDoesNotStopTheConsumers() throws Exception {
		// amqp-client closes its whole connection on a body over 64 MiB, and the broker
		// hands the message to the next connection: one message would stop every consumer
		String url = TestBroker.url();
		try (RawPeer peer = new RawPeer(url);
				Transport serverTransport = Transports.create(url);
				Transport clientTransport = Transports.create(url);
				ServedTopic served = ServedTopic.serve(serverTransport, "huge", new FuzzEndpoint());
				LogCapture logs = LogCapture.asConfigured()) {
			peer.collectRejected(served.topic());
			peer.publish("openstack", served.topic(), Messages.rejected("huge", new byte[65 * 1024 * 1024]), 1);
			peer.awaitConfirms();
			await().atMost(Duration.ofSeconds(60)).until(() -> peer.deadLettered().contains(1));
			RpcTemplate client = served.client(clientTransport, Duration.ofSeconds(30));
			assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2), Long.class)).isEqualTo(3L);
			assertThat(peer.consumerCount(served.topic())).isEqualTo(1);
			assertThat(oversizeLines(logs)).singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("68157440 bytes"));
			assertThat(logs.withStackTraces()).isEmpty();
		}
	}

	@Test
	void anOversizeReplyIsDroppedByTheClientWhichTimesOut() {
		String url = TestBroker.url();
		try (Transport serverTransport = Transports.create(url);
				Transport clientTransport = Transports.create(url + "?max_message_size=1024");
				ServedTopic served = ServedTopic.serve(serverTransport, "reply_size", new FuzzEndpoint());
				LogCapture logs = LogCapture.asConfigured()) {
			RpcTemplate client = served.client(clientTransport, Duration.ofSeconds(3));
			assertThat(client.call(RpcContext.empty(), "echo", Map.of("value", "small"), String.class))
				.isEqualTo("small");
			assertThatExceptionOfType(RpcTimeoutException.class).isThrownBy(
					() -> client.call(RpcContext.empty(), "echo", Map.of("value", "w".repeat(2000)), String.class));
			assertThat(oversizeLines(logs)).singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("from queue reply_"));
		}
	}

	@Test
	void theFakeTransportEnforcesItToo() {
		try (Transport transport = Transports.create("fake:///sizes?max_message_size=300");
				ServedTopic served = ServedTopic.serve(transport, "sizes", new FuzzEndpoint());
				LogCapture logs = LogCapture.asConfigured()) {
			RpcTemplate client = served.client(transport, Duration.ofSeconds(1));
			assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2), Long.class)).isEqualTo(3L);
			assertThatExceptionOfType(RpcTimeoutException.class).isThrownBy(
					() -> client.call(RpcContext.empty(), "echo", Map.of("value", "f".repeat(400)), String.class));
			assertThat(oversizeLines(logs)).singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("max_message_size (300"));
		}
	}

	private static List<ILoggingEvent> oversizeLines(LogCapture logs) {
		return logs.events()
			.stream()
			.filter((event) -> event.getFormattedMessage().contains("larger than max_message_size"))
			.toList();
	}

	private static RabbitOptions rabbitOptions(String url, Map<String, String> settings) {
		return RabbitOptions.of(TransportUrl.parse(url), TransportSettings.defaults().withOptions(settings));
	}

}
