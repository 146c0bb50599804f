package io.oslo4j.rpc.boot.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import io.oslo4j.rpc.boot.notify.RpcNotificationAutoConfiguration;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker is connected when the context starts, not while beans are made: without
 * fail-fast a context whose broker never answers starts at once, and says so after
 * {@code rpc.connect-timeout}; with fail-fast it fails. A notification transport of its
 * own is said to be unreachable only when it is.
 */
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class RpcConnectAtStartTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class))
		.withPropertyValues("rpc.server.enabled=false");

	@Test
	void withoutFailFastAContextWhoseBrokerNeverAnswersStartsAtOnce(CapturedOutput output) throws IOException {
		// accepts TCP connections (backlog) but never answers the AMQP handshake
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			// the handshake gives up after 6 s, so that closing the context does not wait
			// for it longer
			String url = "rpc.transport-url=rabbit://guest:guest@127.0.0.1:" + silent.getLocalPort()
					+ "/?connection_timeout=6";
			this.runner.withPropertyValues(url, "rpc.connect-timeout=4s").run((context) -> {
				assertThat(context).hasNotFailed();
				// waiting for the broker in startup would have logged this before
				assertThat(output.getOut()).doesNotContain("is not reachable");
				await().atMost(Duration.ofSeconds(15))
					.untilAsserted(() -> assertThat(output.getOut()).contains("is not reachable within PT4S"));
			});
			this.runner.withPropertyValues(url, "rpc.connect-timeout=2s", "rpc.fail-fast=true").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(RpcBrokerUnavailableException.class);
			});
		}
	}

	@Test
	void aSeparateNotificationTransportIsSaidToBeUnreachableOnlyWhenItIs(CapturedOutput output) throws IOException {
		this.runner
			.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(),
					"rpc.notifications.transport-url=fake:///" + MessageIds.next())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(output.getOut())
						.contains("connected to the notification broker at fake:///"));
			});
		assertThat(output.getOut()).doesNotContain("is not reachable");
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		this.runner
			.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "rpc.connect-timeout=1s",
					"rpc.notifications.transport-url=rabbit://guest:guest@127.0.0.1:" + closed + "/")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(output.getOut())
						.contains("the notification broker at rabbit://guest:****@127.0.0.1:" + closed
								+ "/ (from rpc.notifications.transport-url) is not reachable within PT1S"));
			});
	}

}
