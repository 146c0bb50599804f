package io.oslo4j.rpc.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.annotation.RpcCast;
import io.oslo4j.rpc.annotation.RpcMethod;
import io.oslo4j.rpc.annotation.RpcParam;
import io.oslo4j.rpc.client.RpcClients;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.naming.NamingStrategy;
import io.oslo4j.rpc.naming.WireNames;
import io.oslo4j.rpc.server.AccessPolicy;
import io.oslo4j.rpc.server.ContainerCallbacks;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcDispatcher;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerInterceptor;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import kotlin.coroutines.Continuation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Wire names: camelCase Java clients and endpoints speak OpenStack's snake_case names
 * through a naming strategy or {@code @RpcMethod}; explicit names are never renamed; two
 * methods with one wire name and client methods an RPC client cannot serve fail when the
 * endpoint or proxy is made.
 */
@Timeout(30)
class WireNamesTest {

	private final Transport transport = Transports.create("fake:///" + MessageIds.next());

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.transport.close();
	}

	/** A Nova-style compute API, written the Java way. */
	interface ComputeApi {

		Map<String, Object> buildAndRunInstance(String instanceUuid,
				@RpcParam("filter_properties") Map<String, Object> filters);

		@RpcMethod("get_console_output")
		String consoleOutput(String instanceUuid, int tailLength);

		@RpcCast
		void rebootInstance(String instanceUuid);

	}

	/** The same API as a Python server names it. */
	public static class PythonStyleEndpoint {

		final List<String> reboots = new CopyOnWriteArrayList<>();

		public Map<String, Object> build_and_run_instance(String instance_uuid, Map<String, Object> filter_properties) {
			return Map.of("instance_uuid", instance_uuid, "filter_properties", filter_properties);
		}

		public String get_console_output(String instance_uuid, int tail_length) {
			return instance_uuid + ":" + tail_length;
		}

		public void reboot_instance(String instance_uuid) {
			this.reboots.add(instance_uuid);
		}

	}

	/** The same API served by a Java class with Java names. */
	public static class JavaStyleEndpoint implements ComputeApi {

		final List<String> reboots = new CopyOnWriteArrayList<>();

		@Override
		public Map<String, Object> buildAndRunInstance(String instanceUuid, Map<String, Object> filters) {
			return Map.of("instance_uuid", instanceUuid, "filter_properties", filters);
		}

		@Override
		public String consoleOutput(String instanceUuid, int tailLength) {
			return instanceUuid + ":" + tailLength;
		}

		@Override
		public void rebootInstance(String instanceUuid) {
			this.reboots.add(instanceUuid);
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

	interface Unservable {

		Future<String> future();

	}

	interface Reactive {

		Flow.Publisher<String> stream();

	}

	interface Suspending {

		Object fetch(String id, Continuation<? super String> continuation);

	}

	@Test
	void aCamelCaseClientCallsSnakeCaseMethodsAndArgumentsThroughTheStrategy() {
		PythonStyleEndpoint endpoint = new PythonStyleEndpoint();
		try (RpcServer server = server(Endpoint.of(endpoint)).start()) {
			ComputeApi compute = RpcClients.create(ComputeApi.class, client(), RpcContext::empty, WireNames.SNAKE_CASE);
			assertThat(compute.buildAndRunInstance("uuid-1", Map.of("force_hosts", List.of("h1")))).isEqualTo(
					Map.of("instance_uuid", "uuid-1", "filter_properties", Map.of("force_hosts", List.of("h1"))));
			assertThat(compute.consoleOutput("uuid-1", 50)).isEqualTo("uuid-1:50");
			compute.rebootInstance("uuid-2");
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(endpoint.reboots).contains("uuid-2"));
			assertThat(this.seen).containsExactly("build_and_run_instance(instance_uuid, filter_properties)",
					"get_console_output(instance_uuid, tail_length)", "reboot_instance(instance_uuid)");
		}
	}

	@Test
	void withoutAStrategyOnlyTheExplicitNamesChange() {
		PythonStyleEndpoint endpoint = new PythonStyleEndpoint();
		try (RpcServer server = server(Endpoint.of(endpoint)).start()) {
			ComputeApi compute = RpcClients.create(ComputeApi.class, client());
			assertThat(compute.consoleOutput("uuid-1", 5)).isNull();
		}
		catch (RuntimeException ex) {
			assertThat(ex)
				.hasMessageContaining("get_console_output() got an unexpected keyword argument 'instanceUuid'");
		}
		assertThat(this.seen).containsExactly("get_console_output(instanceUuid, tailLength)");
	}

	@Test
	void aCamelCaseEndpointServesSnakeCaseNamesAndKeepsItsExplicitNames() {
		JavaStyleEndpoint endpoint = new JavaStyleEndpoint();
		Endpoint served = endpoint(endpoint, WireNames.SNAKE_CASE, AccessPolicy.DEFAULT);
		assertThat(served.methodNames()).containsExactlyInAnyOrder("build_and_run_instance", "get_console_output",
				"reboot_instance", "getStatus");
		try (RpcServer server = server(served).start()) {
			RpcTemplate client = client();
			Map<String, Object> args = new LinkedHashMap<>();
			args.put("instance_uuid", "uuid-3");
			args.put("filter_properties", Map.of());
			assertThat(client.call(RpcContext.empty(), "build_and_run_instance", args))
				.isEqualTo(Map.of("instance_uuid", "uuid-3", "filter_properties", Map.of()));
			assertThat(client.call(RpcContext.empty(), "get_console_output",
					Map.of("instance_uuid", "uuid-3", "tail_length", 7)))
				.isEqualTo("uuid-3:7");
			assertThat(client.call(RpcContext.empty(), "getStatus", Map.of())).isEqualTo("ok");
			// and the Java client of the same interface agrees with it
			ComputeApi compute = RpcClients.create(ComputeApi.class, client, RpcContext::empty, WireNames.SNAKE_CASE);
			compute.rebootInstance("uuid-4");
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(endpoint.reboots).contains("uuid-4"));
		}
	}

	@Test
	void theSnakeCaseStrategyIsJacksons() {
		assertThat(NamingStrategy.SNAKE_CASE.apply("buildAndRunInstance")).isEqualTo("build_and_run_instance");
		assertThat(NamingStrategy.SNAKE_CASE.apply("getVncConsole")).isEqualTo("get_vnc_console");
		assertThat(NamingStrategy.SNAKE_CASE.apply("getVNCConsole")).isEqualTo("get_vncconsole");
		assertThat(NamingStrategy.SNAKE_CASE.apply("ipv4Address")).isEqualTo("ipv4_address");
		assertThat(NamingStrategy.SNAKE_CASE.apply("already_snake")).isEqualTo("already_snake");
		assertThat(NamingStrategy.AS_IS.apply("buildAndRunInstance")).isEqualTo("buildAndRunInstance");
		assertThat(NamingStrategy.AS_IS.jackson()).isNull();
		assertThat(NamingStrategy.SNAKE_CASE.jackson()).isNotNull();
	}

	@Test
	void twoMethodsWithOneWireNameFailNamingBoth() {
		assertThat(Endpoint.of(new Ambiguous()).methodNames()).containsExactlyInAnyOrder("getVncConsole",
				"get_vnc_console");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> endpoint(new Ambiguous(), WireNames.SNAKE_CASE, AccessPolicy.DEFAULT))
			.withMessageContaining("Ambiguous.getVncConsole()")
			.withMessageContaining("Ambiguous.get_vnc_console()")
			.withMessageContaining("'get_vnc_console'");
	}

	@Test
	void clientMethodsThatCannotBeServedFailWhenTheProxyIsMade() {
		RpcTemplate client = client();
		assertThatIllegalArgumentException().isThrownBy(() -> RpcClients.create(Unservable.class, client))
			.withMessageContaining(Unservable.class.getName() + ".future()")
			.withMessageContaining("java.util.concurrent.Future")
			.withMessageContaining("CompletableFuture<T>");
		assertThatIllegalArgumentException().isThrownBy(() -> RpcClients.create(Reactive.class, client))
			.withMessageContaining(Reactive.class.getName() + ".stream()")
			.withMessageContaining("a reactive type");
		assertThatIllegalArgumentException().isThrownBy(() -> RpcClients.create(Suspending.class, client))
			.withMessageContaining(Suspending.class.getName() + ".fetch()")
			.withMessageContaining("Kotlin suspend function");
	}

	private RpcTemplate client() {
		return new RpcTemplate(this.transport, Target.topic("compute"))
			.prepare((p) -> p.timeout(Duration.ofSeconds(5)));
	}

	private static Endpoint endpoint(Object bean, WireNames names, AccessPolicy policy) {
		return Endpoint.of(bean, bean.getClass(), null, null, ContainerCallbacks.of(bean), names, policy);
	}

	private RpcServer server(Endpoint endpoint) {
		RpcServerInterceptor recorder = (request, chain) -> {
			if (request.message().args() instanceof Map<?, ?> args) {
				this.seen.add(request.method() + "(" + String.join(", ", new ArrayList<>(keys(args))) + ")");
			}
			return chain.proceed(request);
		};
		RpcServerOptions options = RpcServerOptions.defaults();
		return new RpcServer(this.transport, Target.server("compute", "s1"),
				new RpcDispatcher(List.of(endpoint), options.serializer(), List.of(recorder)), options);
	}

	private static List<String> keys(Map<?, ?> args) {
		return args.keySet().stream().map(String::valueOf).toList();
	}

}
