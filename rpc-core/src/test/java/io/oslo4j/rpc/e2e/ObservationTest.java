package io.oslo4j.rpc.e2e;

import java.time.Duration;
import java.util.Map;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcClient;
import io.oslo4j.rpc.observation.RpcObservations;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Client and server observations with their low-cardinality tags.
 */
@Timeout(30)
class ObservationTest {

	@Test
	void callsAndCastsAreObservedOnBothSides() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		try (Transport transport = Transports.create("fake:///" + MessageIds.next());
				RpcServer server = new RpcServer(transport, Target.server("obs", "s1"),
						java.util.List.of(Endpoint.of(new CalculatorEndpoint("s1"))),
						RpcServerOptions.defaults().withObservations(registry))
					.start()) {
			RpcClient client = new RpcClient(transport, Target.topic("obs"),
					ClientOptions.defaults().withObservations(registry));
			client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2));
			client.cast(RpcContext.empty(), "record", Map.of("event", "e"));
			assertThatThrownBy(() -> client.call(RpcContext.empty(), "fail", Map.of("message", "x")))
				.isInstanceOf(RemoteRpcException.class);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(registry).hasNumberOfObservationsWithNameEqualTo(RpcObservations.SERVER, 3));
			assertThat(registry).hasNumberOfObservationsWithNameEqualTo(RpcObservations.CLIENT, 3)
				.hasAnObservationWithAKeyValue("outcome", "remote_error")
				.hasAnObservationWithAKeyValue("rpc.kind", "cast")
				.hasAnObservationWithAKeyValue("rpc.method", "add")
				.hasAnObservationWithAKeyValue("rpc.topic", "obs")
				.hasAnObservationWithAKeyValue("outcome", "error");
		}
	}

}
