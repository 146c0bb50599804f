package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.ReplyWaiter;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.AckMode;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server's connection is lost after it wrote a reply and before the broker confirmed it
 * (a node stopping, a network cut): the server publishes the reply again on a new
 * connection, as oslo's does, and the call is answered, not left to time out. The
 * endpoint runs once, in both ack modes.
 */
@Timeout(120)
class ReplyAfterConnectionLossTest {

	@ParameterizedTest
	@EnumSource(AckMode.class)
	void aReplyWhoseConnectionIsLostBeforeItsConfirmIsPublishedAgainOnANewConnection(AckMode ackMode) throws Exception {
		String topic = "faults_replyloss_" + System.nanoTime();
		TransportUrl.Host broker = TransportUrl.parse(TestBroker.url()).hosts().get(0);
		try (SilenceableProxy proxy = SilenceableProxy.to(broker.effectivePort());
				Transport serverTransport = Transports.create("rabbit://guest:guest@127.0.0.1:" + proxy.port() + "/");
				Transport clientTransport = Transports.create(TestBroker.url())) {
			FaultEndpoint endpoint = new FaultEndpoint("s1");
			endpoint.closeGate();
			RpcServer server = new RpcServer(serverTransport, Target.server(topic, "s1"),
					List.of(Endpoint.of(endpoint)), RpcServerOptions.defaults().withAckMode(ackMode))
				.start();
			await().atMost(Duration.ofSeconds(10)).until(server::isRunning);
			RpcTemplate client = new RpcTemplate(clientTransport, Target.topic(topic),
					ClientOptions.defaults().withTimeout(Duration.ofSeconds(60)));
			CompletableFuture<String> call = client.callAsync(RpcContext.empty(), "hold", Map.of("id", "a"),
					String.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.held().size() == 1);

			proxy.silence();
			endpoint.openGate();
			// the reply is written, and swallowed: no confirm comes
			await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.finished() == 1 && proxy.swallowedBytes() > 0);
			proxy.cut();

			assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("s1:a");
			await().atMost(Duration.ofSeconds(30)).until(server::isRunning);
			// a request redelivered after the cut (its ack lost with the connection) is
			// dropped as a duplicate: the endpoint ran once
			assertThat(endpoint.held()).containsExactly("a");
			assertThat(ReplyWaiter.of(clientTransport).lateReplies()).as("replies delivered twice").isZero();
			server.close();
		}
		finally {
			SharedBroker.deleteQueues(topic);
		}
	}

}
