package io.oslo4j.rpc.security;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcMethod;
import io.oslo4j.rpc.annotation.RpcParam;
import io.oslo4j.rpc.naming.WireNames;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.server.AccessPolicy;
import io.oslo4j.rpc.server.ContainerCallbacks;
import io.oslo4j.rpc.server.DispatchFailure;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcDispatcher;
import io.oslo4j.rpc.wire.RequestMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The method table under wire names, without a broker: an endpoint is called by its wire
 * names only, explicit names are kept under a strategy, two methods with one wire name
 * fail naming both, and a method declared by two interfaces stays one method.
 */
class EndpointWireNamesTest {

	/** Methods and arguments named the Java way. */
	public static class Compute {

		public String buildAndRunInstance(String instanceUuid, @RpcParam("filterProperties") String filters) {
			return instanceUuid + "/" + filters;
		}

		@RpcMethod("getStatus")
		public String status() {
			return "ok";
		}

	}

	/** Two Java methods that snake_case maps to one wire name. */
	public static class Ambiguous {

		public String getVncConsole() {
			return "a";
		}

		public String get_vnc_console() {
			return "b";
		}

	}

	/** Two methods given one name explicitly. */
	public static class ExplicitClash {

		@RpcMethod("ping")
		public String first() {
			return "1";
		}

		@RpcMethod("ping")
		public String second(String value) {
			return value;
		}

	}

	public interface Left {

		String hello(String name);

	}

	public interface Right {

		String hello(String name);

	}

	/** One method declared by two interfaces. */
	public static class Both implements Left, Right {

		@Override
		public String hello(String name) {
			return "hi " + name;
		}

	}

	@Test
	void anEndpointIsCalledByItsWireNamesOnly() {
		RpcDispatcher dispatcher = dispatcher(new Compute(), WireNames.SNAKE_CASE);
		assertThat(dispatcher.endpoints().get(0).methodNames()).containsExactlyInAnyOrder("build_and_run_instance",
				"getStatus");
		assertThat(dispatcher
			.dispatch(request("build_and_run_instance", Map.of("instance_uuid", "u1", "filterProperties", "f")),
					RpcContext.empty())
			.result()).isEqualTo("u1/f");
		assertThat(dispatcher.dispatch(request("getStatus", Map.of()), RpcContext.empty()).result()).isEqualTo("ok");
		for (String javaName : List.of("buildAndRunInstance", "status", "get_status")) {
			assertThatExceptionOfType(DispatchFailure.class)
				.isThrownBy(() -> dispatcher.dispatch(request(javaName, Map.of()), RpcContext.empty()))
				.satisfies((failure) -> assertThat(failure.failure().className()).isEqualTo("NoSuchMethod"));
		}
		assertThatExceptionOfType(DispatchFailure.class)
			.isThrownBy(() -> dispatcher.dispatch(
					request("build_and_run_instance", Map.of("instanceUuid", "u1", "filterProperties", "f")),
					RpcContext.empty()))
			.satisfies((failure) -> assertThat(failure.failure().message())
				.isEqualTo("EndpointWireNamesTest.Compute.build_and_run_instance() got an unexpected keyword "
						+ "argument 'instanceUuid'"));
	}

	@Test
	void withoutAStrategyTheJavaNamesAreTheWireNames() {
		assertThat(Endpoint.of(new Compute()).methodNames()).containsExactlyInAnyOrder("buildAndRunInstance",
				"getStatus");
	}

	@Test
	void twoMethodsWithOneWireNameFailNamingBoth() {
		assertThatIllegalArgumentException().isThrownBy(() -> endpoint(new Ambiguous(), WireNames.SNAKE_CASE))
			.withMessage("Endpoint " + Ambiguous.class.getName() + " maps both Ambiguous.getVncConsole() and "
					+ "Ambiguous.get_vnc_console() to the RPC method 'get_vnc_console': give one of them another "
					+ "name with @RpcMethod(\"...\")");
		assertThatIllegalArgumentException().isThrownBy(() -> endpoint(new ExplicitClash(), WireNames.AS_IS))
			.withMessageContaining("ExplicitClash.first()")
			.withMessageContaining("ExplicitClash.second()")
			.withMessageContaining("'ping'");
	}

	@Test
	void oneMethodDeclaredByTwoInterfacesStaysOneMethodUnderAStrategy() {
		Both both = new Both();
		assertThat(Endpoint
			.of(both, Both.class, null, null, ContainerCallbacks.of(both), WireNames.SNAKE_CASE, AccessPolicy.DEFAULT)
			.methodNames()).containsExactly("hello");
	}

	private static Endpoint endpoint(Object bean, WireNames names) {
		return Endpoint.of(bean, bean.getClass(), null, null, ContainerCallbacks.of(bean), names, AccessPolicy.DEFAULT);
	}

	private static RpcDispatcher dispatcher(Object bean, WireNames names) {
		return new RpcDispatcher(List.of(endpoint(bean, names)), JacksonSerializer.defaultSerializer());
	}

	private static RequestMessage request(String method, Map<String, Object> args) {
		return RequestMessage.cast(method, args, null, "1.0", Map.of());
	}

}
