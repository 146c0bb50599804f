package io.oslo4j.rpc.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.observation.DefaultRpcClientObservationConvention;
import io.oslo4j.rpc.observation.DefaultRpcServerObservationConvention;
import io.oslo4j.rpc.observation.RpcObservationContext;
import io.oslo4j.rpc.observation.RpcObservations;
import io.oslo4j.rpc.observation.RpcServerObservationContext;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application's observation conventions extend the defaults: the name and keys of the
 * default stay, with the keys it adds.
 */
@Timeout(30)
class ObservationConventionTest {

	@Test
	void conventionsExtendingTheDefaultsAddTheirKeysOnBothSides() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		try (Transport transport = Transports.create("fake:///" + MessageIds.next());
				RpcServer server = new RpcServer(transport, Target.server("conv", "s1"),
						List.of(Endpoint.of(new CalculatorEndpoint("s1"))),
						RpcServerOptions.defaults()
							.withObservations(registry)
							.withObservationConvention(new DefaultRpcServerObservationConvention() {

								@Override
								public KeyValues getLowCardinalityKeyValues(RpcServerObservationContext context) {
									return super.getLowCardinalityKeyValues(context).and("side", "server");
								}

							}))
					.start()) {
			RpcTemplate client = new RpcTemplate(transport, Target.topic("conv"),
					ClientOptions.defaults()
						.withObservations(registry)
						.withObservationConvention(new DefaultRpcClientObservationConvention() {

							@Override
							public KeyValues getLowCardinalityKeyValues(RpcObservationContext context) {
								return super.getLowCardinalityKeyValues(context).and("side", "client");
							}

						}));
			client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2));
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(registry).hasNumberOfObservationsWithNameEqualTo(RpcObservations.SERVER, 1));
			assertThat(registry).hasObservationWithNameEqualTo(RpcObservations.CLIENT)
				.that()
				.hasLowCardinalityKeyValue("side", "client")
				.hasLowCardinalityKeyValue("rpc.method", "add")
				.hasContextualNameEqualTo("conv/add");
			assertThat(registry).hasObservationWithNameEqualTo(RpcObservations.SERVER)
				.that()
				.hasLowCardinalityKeyValue("side", "server")
				.hasLowCardinalityKeyValue("outcome", "success");
		}
	}

}
