package io.oslo4j.rpc.security;

import java.time.Duration;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishes 10,000 generated bad messages (see {@link BadMessages}) straight into a
 * RabbitMQ server's three queues with a raw client, interleaved with valid calls from an
 * {@link RpcTemplate}, and checks that each bad message got exactly what oslo's rules
 * give it (rejected: seen on a dead-letter queue; answered: the right result or failure
 * class; dispatched or dropped: neither), that every valid call is answered, and that the
 * server stays healthy: no stack traces and few log lines, bounded heap and threads, the
 * consumer alive (see {@link FuzzRun}). oslo's default mode on the shared broker.
 */
class BadInputFuzzTest {

	private static final int BAD_MESSAGES = 10_000;

	@Test
	@Timeout(600)
	void tenThousandBadMessagesAreRefusedOrAnsweredWhileValidCallsAreServed() throws Exception {
		String url = TestBroker.url();
		long seed = System.nanoTime();
		FuzzEndpoint endpoint = new FuzzEndpoint();
		try (RawPeer peer = new RawPeer(url);
				Transport serverTransport = FuzzRun.serverTransport(url);
				Transport clientTransport = Transports.create(url);
				ServedTopic served = ServedTopic.serve(serverTransport, "fuzz", endpoint,
						RpcServerOptions.defaults().withExecutorThreads(FuzzRun.EXECUTOR_THREADS))) {
			peer.collectRejected(served.topic());
			RpcTemplate client = served.client(clientTransport, Duration.ofSeconds(120));
			assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2), Long.class)).isEqualTo(3L);
			new FuzzRun("fuzz", BAD_MESSAGES, FuzzRun.MAX_MESSAGE_SIZE, FuzzRoute.serverQueues(served.topic(), false),
					false)
				.run(seed, served, peer, client, endpoint);
		}
	}

}
