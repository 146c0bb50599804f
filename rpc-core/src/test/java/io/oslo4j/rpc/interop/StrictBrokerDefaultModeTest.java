package io.oslo4j.rpc.interop;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.rabbit.DeclarationException;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * oslo's default mode cannot run on a RabbitMQ as strict as 4.3 (stack 3 of the interop
 * matrix): the broker answers the transient non-exclusive queues of that mode with
 * {@code 541 INTERNAL_ERROR} and closes the connection. A Java server or call in that
 * mode fails at once with a {@link DeclarationException} whose advice names the options
 * that declare durable queues instead, and fails the same way again (no hang, no retry
 * loop). The quorum mode's reply queues are transient too: its calls are told to set
 * {@code rabbit_transient_quorum_queue}.
 */
@Timeout(60)
class StrictBrokerDefaultModeTest {

	private static final InteropCell CELL = InteropCell.OSLO18_DEFAULT;

	private static final Duration PROMPTLY = Duration.ofSeconds(5);

	private static final InteropMode QUORUM = InteropMode.QUORUM;

	@Test
	void aServerIsToldToDeclareQuorumQueues() {
		String topic = InteropTestSupport.uniqueTopic("strict");
		try (Transport transport = Transports.create(CELL.url())) {
			for (int attempt = 0; attempt < 2; attempt++) {
				RpcServer server = new RpcServer(transport, Target.server(topic, "s1"),
						List.of(Endpoint.of(new JavaInteropEndpoint("s1"))), RpcServerOptions.defaults());
				long start = System.nanoTime();
				assertThatExceptionOfType(DeclarationException.class).isThrownBy(server::start)
					.withMessageStartingWith("Failed to declare queue '" + topic + "' (durable=false")
					.withMessageContaining("INTERNAL_ERROR - Feature `transient_nonexcl_queues` is deprecated")
					.satisfies((ex) -> assertThat(ex.advice())
						.contains("refuses transient (non-durable) non-exclusive queues")
						.contains("set rabbit_quorum_queue=true (rpc.rabbit.quorum-queues=true)")
						.contains("rabbit_transient_quorum_queue=true (rpc.rabbit.transient-quorum-queues=true)"));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
				server.close();
			}
		}
	}

	@Test
	void aCallIsToldToDeclareQuorumReplyQueues() {
		String topic = InteropTestSupport.uniqueTopic("strict");
		try (Transport transport = Transports.create(CELL.url())) {
			RpcTemplate client = new RpcTemplate(transport, Target.topic(topic))
				.prepare((p) -> p.timeout(Duration.ofSeconds(30)));
			for (int attempt = 0; attempt < 2; attempt++) {
				long start = System.nanoTime();
				assertThatExceptionOfType(DeclarationException.class)
					.isThrownBy(() -> client.call(RpcContext.empty(), "whoami", Map.of()))
					.withMessageStartingWith("Failed to declare queue 'reply_")
					.withMessageContaining("INTERNAL_ERROR - Feature `transient_nonexcl_queues` is deprecated")
					.satisfies((ex) -> assertThat(ex.advice())
						.contains("declare reply and fanout queues as quorum queues")
						.contains("set rabbit_transient_quorum_queue=true (rpc.rabbit.transient-quorum-queues=true)")
						.contains("rabbit_quorum_queue=true (rpc.rabbit.quorum-queues=true)"));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
			}
		}
	}

	@Test
	void aQuorumModeCallIsToldToDeclareQuorumReplyQueues() {
		String topic = InteropTestSupport.uniqueTopic("strict");
		String url = CELL.broker().url(QUORUM.virtualHost()) + "?" + QUORUM.query();
		try (Transport transport = Transports.create(url)) {
			RpcTemplate client = new RpcTemplate(transport, Target.topic(topic));
			assertThatExceptionOfType(DeclarationException.class)
				.isThrownBy(() -> client.call(RpcContext.empty(), "whoami", Map.of()))
				.withMessageStartingWith("Failed to declare queue 'reply_")
				.satisfies((ex) -> assertThat(ex.advice())
					.endsWith("set rabbit_transient_quorum_queue=true (rpc.rabbit.transient-quorum-queues=true)"));
		}
	}

}
