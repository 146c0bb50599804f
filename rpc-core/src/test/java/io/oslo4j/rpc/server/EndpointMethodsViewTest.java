package io.oslo4j.rpc.server;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcMethod;
import io.oslo4j.rpc.annotation.RpcParam;
import io.oslo4j.rpc.naming.WireNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Endpoint#methods()}: what a caller must send, by wire names.
 */
class EndpointMethodsViewTest {

	public static class Compute {

		public int buildInstance(RpcContext context, String instanceName, @RpcParam("flavor") String flavorId) {
			return 0;
		}

		@RpcMethod("ping")
		public String healthCheck() {
			return "pong";
		}

		public void _private() {
		}

	}

	@Test
	void methodsAreListedByWireNameWithTheArgumentsACallerSends() {
		Endpoint endpoint = Endpoint.of(new Compute(), Compute.class, "compute", "2.3",
				ContainerCallbacks.of(new Compute()), WireNames.SNAKE_CASE, AccessPolicy.DEFAULT);
		assertThat(endpoint.methods()).containsOnlyKeys("build_instance", "ping")
			.containsEntry("build_instance", List.of("instance_name", "flavor"))
			.containsEntry("ping", List.of());
	}

	@Test
	void javaNamesStayAsTheyAreByDefault() {
		Map<String, List<String>> methods = Endpoint.of(new Compute()).methods();
		assertThat(methods).containsEntry("buildInstance", List.of("instanceName", "flavor"));
	}

}
