package io.oslo4j.rpc.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.observation.RpcObservationContext;
import io.oslo4j.rpc.observation.RpcObservations;
import io.oslo4j.rpc.observation.RpcServerObservationContext;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
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
						List.of(Endpoint.of(new CalculatorEndpoint("s1"))),
						RpcServerOptions.defaults().withObservations(registry))
					.start()) {
			RpcTemplate client = new RpcTemplate(transport, Target.topic("obs"),
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

	@Test
	void traceHeadersTravelInTheRequestContextAndTheEndpointRunsInTheServerObservation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		List<@Nullable String> received = new CopyOnWriteArrayList<>();
		registry.observationConfig().observationHandler(new ObservationHandler<RpcObservationContext>() {

			@Override
			public void onStart(RpcObservationContext context) {
				context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof RpcObservationContext;
			}

		}).observationHandler(new ObservationHandler<RpcServerObservationContext>() {

			@Override
			public void onStart(RpcServerObservationContext context) {
				received.add(context.getGetter().get(context.getCarrier(), "traceparent"));
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof RpcServerObservationContext;
			}

		});
		TracedEndpoint endpoint = new TracedEndpoint(registry);
		try (Transport transport = Transports.create("fake:///" + MessageIds.next());
				RpcServer server = new RpcServer(transport, Target.server("traced", "s1"),
						List.of(Endpoint.of(endpoint)), RpcServerOptions.defaults().withObservations(registry))
					.start()) {
			RpcTemplate client = new RpcTemplate(transport, Target.topic("traced"),
					ClientOptions.defaults().withObservations(registry));
			Object context = client.call(RpcContext.of(Map.of("user_id", "u1")), "context", Map.of());
			org.assertj.core.api.Assertions.assertThat(received).containsExactly(TRACEPARENT);
			org.assertj.core.api.Assertions.assertThat(context)
				.isEqualTo(Map.of("user_id", "u1", "traceparent", TRACEPARENT, "observation", "traced/context"));
		}
	}

	private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	/**
	 * Returns its request context and the request of the observation it runs in.
	 */
	public static final class TracedEndpoint {

		private final ObservationRegistry registry;

		TracedEndpoint(ObservationRegistry registry) {
			this.registry = registry;
		}

		public Map<String, @Nullable Object> context(RpcContext ctx) {
			Map<String, @Nullable Object> result = new java.util.LinkedHashMap<>(ctx.asMap());
			result.remove("client_timeout");
			Observation current = this.registry.getCurrentObservation();
			result.put("observation",
					(current != null && current.getContext() instanceof RpcServerObservationContext server)
							? server.topic() + "/" + server.method() : null);
			return result;
		}

	}

}
