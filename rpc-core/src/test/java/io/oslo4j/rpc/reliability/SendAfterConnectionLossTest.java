package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcConnectionLostException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A client's connection is lost after it wrote a cast or a request and before the broker
 * confirmed it: with oslo's {@code retry} the client publishes it again on a new
 * connection and the cast runs, the call is answered; without, the send fails with
 * {@link RpcConnectionLostException}.
 */
@Timeout(120)
class SendAfterConnectionLossTest {

	private final String topic = "faults_sendloss_" + System.nanoTime();

	private final FaultEndpoint endpoint = new FaultEndpoint("s1");

	private SilenceableProxy proxy;

	private Transport serverTransport;

	private Transport clientTransport;

	private RpcServer server;

	@BeforeEach
	void start() throws Exception {
		TransportUrl.Host broker = TransportUrl.parse(TestBroker.url()).hosts().get(0);
		this.proxy = SilenceableProxy.to(broker.effectivePort());
		this.serverTransport = Transports.create(TestBroker.url());
		this.clientTransport = Transports.create("rabbit://guest:guest@127.0.0.1:" + this.proxy.port() + "/");
		this.server = RpcServer.create(this.serverTransport, Target.server(this.topic, "s1"), this.endpoint).start();
		await().atMost(Duration.ofSeconds(10)).until(this.server::isRunning);
	}

	@AfterEach
	void stop() {
		this.server.close();
		this.clientTransport.close();
		this.serverTransport.close();
		this.proxy.close();
		SharedBroker.deleteQueues(this.topic);
	}

	@Test
	void aCastWhoseConnectionIsLostIsPublishedAgainWithRetry() throws Exception {
		RpcTemplate client = client(ClientOptions.defaults().withRetry(3));
		client.cast(RpcContext.empty(), "record", Map.of("id", "before"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.endpoint.casts().containsKey("before"));

		CompletableFuture<Void> cast = lostOnTheWay(
				() -> client.cast(RpcContext.empty(), "record", Map.of("id", "across")));
		cast.get(30, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.endpoint.casts().containsKey("across"));
		assertThat(this.endpoint.casts().get("across")).hasValue(1);
	}

	@Test
	void aCastWhoseConnectionIsLostFailsWithoutRetry() throws Exception {
		RpcTemplate client = client(ClientOptions.defaults());
		client.cast(RpcContext.empty(), "record", Map.of("id", "before"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.endpoint.casts().containsKey("before"));

		CompletableFuture<Void> cast = lostOnTheWay(
				() -> client.cast(RpcContext.empty(), "record", Map.of("id", "lost")));
		assertThatThrownBy(() -> cast.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(RpcConnectionLostException.class)
			.hasMessageContaining("routing key '" + this.topic + "'");
		assertThat(this.endpoint.casts()).doesNotContainKey("lost");
	}

	@Test
	void aCallWhoseRequestIsLostIsSentAgainWithRetryAndAnswered() throws Exception {
		RpcTemplate client = client(ClientOptions.defaults().withRetry(-1).withTimeout(Duration.ofSeconds(30)));
		assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2), Integer.class)).isEqualTo(3);

		CompletableFuture<Integer> call = new CompletableFuture<>();
		lostOnTheWay(
				() -> call.complete(client.call(RpcContext.empty(), "add", Map.of("a", 20, "b", 22), Integer.class)));
		assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(42);
		assertThat(this.endpoint.adds()).isEqualTo(2);
	}

	private RpcTemplate client(ClientOptions options) {
		return new RpcTemplate(this.clientTransport, Target.topic(this.topic), options);
	}

	/**
	 * Silences the proxy, starts the send, and cuts every connection once the send was
	 * written (and swallowed).
	 */
	private CompletableFuture<Void> lostOnTheWay(Runnable send) {
		this.proxy.silence();
		CompletableFuture<Void> sent = CompletableFuture.runAsync(send);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.proxy.swallowedBytes() > 0);
		this.proxy.cut();
		return sent;
	}

}
