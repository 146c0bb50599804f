package io.oslo4j.rpc.security;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcMethod;
import io.oslo4j.rpc.naming.WireNames;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.server.AccessPolicy;
import io.oslo4j.rpc.server.ContainerCallbacks;
import io.oslo4j.rpc.server.DispatchFailure;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcDispatcher;
import io.oslo4j.rpc.wire.RequestMessage;
import org.junit.jupiter.api.Test;

import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * oslo's {@code ExplicitRPCAccessPolicy}: only {@code @RpcMethod} methods are callable,
 * and {@code @RpcMethod} can never expose what the default policy refuses (framework and
 * {@code Object} methods, container callbacks, names starting with {@code _}): such an
 * endpoint fails when it is made, naming the method.
 */
class ExplicitAccessPolicyTest {

	/** A service interface that marks its RPC methods. */
	public interface Inventory {

		@RpcMethod
		int reserve(String sku, int count);

	}

	/** An endpoint with exposed and unexposed public methods. */
	public static class InventoryEndpoint implements Inventory {

		@Override
		public int reserve(String sku, int count) {
			return count;
		}

		@RpcMethod("release_all")
		public String releaseAll() {
			return "released";
		}

		public String purge() {
			return "purged";
		}

	}

	/** Tries to expose a JDK method. */
	public static class ExposesClose implements AutoCloseable {

		@Override
		@RpcMethod
		public void close() {
		}

	}

	/** Tries to expose an Object method. */
	public static class ExposesToString {

		@Override
		@RpcMethod
		public String toString() {
			return "x";
		}

	}

	/** Tries to expose an event listener. */
	public static class ExposesCallback {

		@EventListener
		@RpcMethod
		public void init(Object event) {
		}

	}

	/** Tries to expose a private name. */
	public static class ExposesPrivateName {

		@RpcMethod
		public void _internal() {
		}

	}

	/** Gives a method a private wire name. */
	public static class PrivateWireName {

		@RpcMethod("_hidden")
		public void hidden() {
		}

	}

	/** Tries to expose a method the container calls by name. */
	public static class ExposesDestroyMethod {

		@RpcMethod
		public void teardown() {
		}

	}

	@Test
	void onlyRpcMethodsAreCallableUnderTheExplicitPolicy() {
		assertThat(endpoint(new InventoryEndpoint(), AccessPolicy.EXPLICIT).methodNames())
			.containsExactlyInAnyOrder("reserve", "release_all");
		assertThat(endpoint(new InventoryEndpoint(), AccessPolicy.DEFAULT).methodNames())
			.containsExactlyInAnyOrder("reserve", "release_all", "purge");
		assertThat(Endpoint.of(new InventoryEndpoint()).methodNames()).containsExactlyInAnyOrder("reserve",
				"release_all", "purge");
	}

	@Test
	void anUnexposedMethodIsNoSuchMethodAndNeverRuns() {
		RpcDispatcher dispatcher = new RpcDispatcher(List.of(endpoint(new InventoryEndpoint(), AccessPolicy.EXPLICIT)),
				JacksonSerializer.defaultSerializer());
		assertThatExceptionOfType(DispatchFailure.class)
			.isThrownBy(() -> dispatcher.dispatch(request("purge", Map.of()), RpcContext.empty()))
			.satisfies((failure) -> {
				assertThat(failure.failure().className()).isEqualTo("NoSuchMethod");
				assertThat(failure.failure().message()).isEqualTo("Endpoint does not support RPC method purge");
			});
		assertThat(dispatcher.dispatch(request("reserve", Map.of("sku", "a", "count", 2)), RpcContext.empty()).result())
			.isEqualTo(2);
		assertThat(dispatcher.dispatch(request("release_all", Map.of()), RpcContext.empty()).result())
			.isEqualTo("released");
	}

	@Test
	void rpcMethodCannotExposeWhatTheDefaultPolicyRefuses() {
		for (AccessPolicy policy : AccessPolicy.values()) {
			for (Object bean : List.of(new ExposesClose(), new ExposesToString(), new ExposesCallback(),
					new ExposesPrivateName())) {
				String method = bean.getClass().getDeclaredMethods()[0].getName();
				assertThatIllegalArgumentException().isThrownBy(() -> endpoint(bean, policy))
					.withMessageStartingWith(
							"Endpoint " + bean.getClass().getName() + " annotates " + bean.getClass().getSimpleName()
									+ "." + method + "() with @RpcMethod, but it is not " + "callable over RPC");
			}
			Object destroyable = new ExposesDestroyMethod();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Endpoint.of(destroyable, destroyable.getClass(), null, null,
						ContainerCallbacks.of(destroyable).withMethodNames(java.util.Set.of("teardown")),
						WireNames.AS_IS, policy))
				.withMessageContaining("ExposesDestroyMethod.teardown() with @RpcMethod");
		}
	}

	@Test
	void aWireNameStartingWithAnUnderscoreIsRefused() {
		for (AccessPolicy policy : AccessPolicy.values()) {
			assertThatIllegalArgumentException().isThrownBy(() -> endpoint(new PrivateWireName(), policy))
				.withMessageStartingWith("Endpoint " + PrivateWireName.class.getName()
						+ " names PrivateWireName.hidden() '_hidden' on the wire: names starting with '_' are private");
		}
	}

	private static Endpoint endpoint(Object bean, AccessPolicy policy) {
		return Endpoint.of(bean, bean.getClass(), null, null, ContainerCallbacks.of(bean), WireNames.AS_IS, policy);
	}

	private static RequestMessage request(String method, Map<String, Object> args) {
		return RequestMessage.cast(method, args, null, "1.0", Map.of());
	}

}
