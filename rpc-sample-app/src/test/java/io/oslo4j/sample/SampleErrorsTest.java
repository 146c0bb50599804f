package io.oslo4j.sample;

import java.lang.reflect.Proxy;
import java.util.List;

import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.rabbit.DeclarationException;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link SampleErrors} maps each kind of RPC failure to its HTTP status: the clients here
 * throw the failure a real transport would.
 */
class SampleErrorsTest {

	private static final String ADVICE = "set rabbit_transient_quorum_queue=true "
			+ "(rpc.rabbit.transient-quorum-queues=true)";

	private static MockMvc failingWith(RuntimeException failure) {
		SampleController controller = new SampleController(failing(CalculatorClient.class, failure),
				failing(ControlClient.class, failure), new SampleNotifications());
		return MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new SampleErrors()).build();
	}

	private static <T> T failing(Class<T> type, RuntimeException failure) {
		return type
			.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
				if (method.getDeclaringClass() == Object.class) {
					return method.invoke(failure, args);
				}
				throw failure;
			}));
	}

	@Test
	void aRefusedDeclarationIs503WithTheMessageAndItsAdvice() throws Exception {
		DeclarationException refused = new DeclarationException(
				"Failed to declare exchange 'sample_fanout' "
						+ "(type=fanout, durable=false, auto_delete=true): 406 PRECONDITION_FAILED - inequivalent arg "
						+ "'durable' for exchange 'sample_fanout' in vhost '/': received 'false' but current is 'true'",
				ADVICE, null);
		MockMvc mvc = failingWith(refused);
		mvc.perform(post("/api/refresh"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.error").value("unavailable"))
			.andExpect(jsonPath("$.message").value(refused.getMessage()));
		mvc.perform(get("/api/add").param("a", "2").param("b", "3"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.endsWith(ADVICE)));
	}

	@Test
	void anUnavailableBrokerIs503() throws Exception {
		failingWith(new RpcDeliveryException("Failed to publish to exchange 'openstack': connection refused"))
			.perform(get("/api/ping"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.error").value("unavailable"))
			.andExpect(jsonPath("$.message").value("Failed to publish to exchange 'openstack': connection refused"));
	}

	@Test
	void aRemoteErrorStays502AndATimeout504() throws Exception {
		failingWith(new RemoteRpcException("ValueError", "builtins", "boom", List.of(), List.of(), java.util.Map.of()))
			.perform(get("/api/fail").param("message", "boom"))
			.andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.class").value("ValueError"));
		failingWith(new RpcTimeoutException("abc")).perform(get("/api/sleep").param("seconds", "1"))
			.andExpect(status().isGatewayTimeout())
			.andExpect(jsonPath("$.error").value("timeout"));
	}

}
