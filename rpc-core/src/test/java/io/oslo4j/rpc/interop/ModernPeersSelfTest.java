package io.oslo4j.rpc.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.oslo4j.rpc.interop.PythonOslo.PythonProcess;
import io.oslo4j.rpc.interop.PythonOslo.PythonServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.oslo4j.rpc.interop.PythonOslo.call;
import static io.oslo4j.rpc.interop.PythonOslo.cast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Proves the harness of stacks 2 and 3 with Python on both sides: oslo.messaging 16.1.0
 * and 18.1.0 from the Debian 13 root against the root's RabbitMQ 4.0.5, made as strict as
 * RabbitMQ 4.3 is by default (no transient non-exclusive queues).
 *
 * <p>
 * In kolla-ansible's mode (2025.1: quorum queues, transient quorum queues, the queue
 * manager, stream fanout, prefetch 1) a call, a fanout cast and a notification work, and
 * the broker shows the mode's topology; in oslo's default mode the same broker refuses
 * the reply queue, so the client never gets to send.
 */
@Timeout(240)
class ModernPeersSelfTest {

	/** kolla-ansible 2025.1's rabbit options, as a transport URL query. */
	static final String KOLLA_MODE = "?" + InteropMode.KOLLA.query();

	// the strict node shared with the interop matrix; kolla's mode in its own virtual
	// host, oslo's default mode in the default one
	private static final InteropBroker BROKER = InteropBroker.RABBIT_4_0_STRICT;

	private static final String KOLLA_VHOST = InteropMode.KOLLA.virtualHost();

	@ParameterizedTest
	@EnumSource(names = { "OSLO_16", "OSLO_18" })
	@Timeout(120)
	void kollaModeCallAndFanoutCast(OsloPeer peer) throws IOException {
		peer.require();
		String url = BROKER.url(KOLLA_VHOST) + KOLLA_MODE;
		String topic = uniqueTopic(peer);
		PythonServer server = PythonOslo.startServer(peer, url, topic, "s1");
		try (server) {
			List<Map<String, Object>> results = PythonOslo.runClient(peer, url, topic,
					List.of(call("add").arg("a", 2).arg("b", 40), cast("record").arg("kind", "fanout").fanout()),
					Duration.ofSeconds(60));
			assertThat(results.get(0)).containsEntry("ok", true).containsEntry("result", 42);
			assertThat(results.get(1)).containsEntry("ok", true);
			assertThat(server.awaitRecorded(1, Duration.ofSeconds(30))).containsExactly(Map.of("kind", "fanout"));

			Map<String, String> queues = queues();
			// reply_<hostname>:<processname>:<n>, processname defaulting to the script
			String replyQueue = "reply_" + hostname() + ":oslo_client.py:";
			assertThat(queues).hasEntrySatisfying(topic, (row) -> assertThat(row).startsWith("quorum\ttrue\t"));
			assertThat(queues).hasEntrySatisfying(topic + ".s1", (row) -> assertThat(row).startsWith("quorum\ttrue\t"));
			assertThat(queues).hasEntrySatisfying(topic + "_fanout", (row) -> assertThat(row)
				.isEqualTo("stream\ttrue\t[{\"x-queue-type\",\"stream\"}," + "{\"x-max-age\",\"1800s\"}]"));
			assertThat(queues.keySet()).anyMatch((name) -> name.matches(Pattern.quote(replyQueue) + "\\d+"));
			queues.forEach((name, row) -> {
				if (name.startsWith(replyQueue)) {
					assertThat(row).isEqualTo("quorum\ttrue\t[{\"x-queue-type\",\"quorum\"},{\"x-expires\",1800000}]");
				}
			});
		}
		assertThat(server.exitValue()).isZero();
	}

	@ParameterizedTest
	@EnumSource(names = { "OSLO_16", "OSLO_18" })
	@Timeout(90)
	void kollaModeNotification(OsloPeer peer) {
		peer.require();
		String url = BROKER.url(KOLLA_VHOST) + KOLLA_MODE;
		String topic = uniqueTopic(peer);
		try (PythonProcess listener = PythonOslo.startNotificationListener(peer, url, topic)) {
			PythonOslo.runNotifier(peer, url, topic, List
				.of(Map.of("priority", "info", "event_type", "compute.instance.create.end", "payload", Map.of("n", 1))),
					Duration.ofSeconds(60));
			assertThat(
					listener.awaitJson((event) -> "notification".equals(event.get("event")), 1, Duration.ofSeconds(30)))
				.singleElement()
				.satisfies((event) -> assertThat(event).containsEntry("event_type", "compute.instance.create.end")
					.containsEntry("payload", Map.of("n", 1)));
		}
		assertThat(queues()).hasEntrySatisfying(topic + ".info", (row) -> assertThat(row).startsWith("quorum\ttrue\t"));
	}

	@Test
	@Timeout(60)
	void defaultModeCannotDeclareItsReplyQueueOnAStrictBroker() {
		OsloPeer.OSLO_16.require();
		String topic = uniqueTopic(OsloPeer.OSLO_16);
		// the client retries the declaration for ever: the call never goes out
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> PythonOslo.runClient(OsloPeer.OSLO_16, BROKER.url("/"), topic,
					List.of(call("add").arg("a", 1).arg("b", 2).timeout(Duration.ofSeconds(5))),
					Duration.ofSeconds(15)))
			.withMessageContaining("did not finish within")
			.withMessageContaining("(541) during queue declare")
			.withMessageContaining("Queue: [reply_")
			.withMessageContaining("transient_nonexcl_queues");
		assertThat(queues("/").keySet()).noneMatch((name) -> name.matches("reply_[0-9a-f]{32}"));
	}

	private static String uniqueTopic(OsloPeer peer) {
		return "modern_" + peer.name().toLowerCase() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	// queue name -> "type<TAB>durable<TAB>arguments", in kolla's virtual host
	private static Map<String, String> queues() {
		return queues(KOLLA_VHOST);
	}

	private static Map<String, String> queues(String virtualHost) {
		String listing = BROKER.node()
			.ctl("-q", "list_queues", "-p", virtualHost, "name", "type", "durable", "arguments");
		return Arrays.stream(listing.split("\n"))
			.map((line) -> line.split("\t", 2))
			.filter((fields) -> fields.length == 2 && !fields[0].equals("name"))
			.collect(Collectors.toMap((fields) -> fields[0], (fields) -> fields[1]));
	}

	// what socket.gethostname() gives the peers (the root shares the host's UTS
	// namespace)
	private static String hostname() throws IOException {
		return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).strip();
	}

}
