package io.oslo4j.rpc.boot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcClient;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.annotation.RpcMethod;
import io.oslo4j.rpc.boot.autoconfigure.scan.reactive.ReactiveClient;
import io.oslo4j.rpc.client.RpcClientInterceptor;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.server.DispatchFailure;
import io.oslo4j.rpc.server.RpcServerInterceptor;
import io.oslo4j.rpc.wire.FailureRecord;
import io.oslo4j.rpc.wire.MessageIds;
import io.oslo4j.rpc.wire.WireCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter's extension points, each through beans and properties: wire names
 * ({@code rpc.naming.*}, {@code @RpcMethod}), the explicit access policy, server
 * interceptor beans, global and per-client client interceptors, and client methods that
 * cannot be served failing startup.
 */
@Timeout(60)
class RpcExtensionPointsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next(), "spring.application.name=compute",
				"rpc.server.name=n1", "rpc.clients.compute.topic=compute", "rpc.clients.compute.timeout=5s",
				"rpc.clients.audit.topic=compute", "rpc.clients.audit.timeout=5s");

	/** What the scheduler sends, the Java way. */
	public record RequestSpec(String flavorId, int numInstances) {

	}

	/** A compute API as Java code names it. */
	@RpcClient("compute")
	public interface ComputeApi {

		RequestSpec buildAndRunInstance(String instanceUuid, RequestSpec requestSpec);

		@RpcMethod("get_vnc_console")
		String vncConsole(String instanceUuid);

	}

	@RpcEndpoint
	public static class ComputeEndpoint {

		public RequestSpec buildAndRunInstance(RpcContext ctx, String instanceUuid, RequestSpec requestSpec) {
			return new RequestSpec(requestSpec.flavorId() + "/" + instanceUuid + "/" + ctx.get("request_id"),
					requestSpec.numInstances());
		}

		@RpcMethod("get_vnc_console")
		public String vncConsole(String instanceUuid) {
			return "vnc://" + instanceUuid;
		}

		public String purgeEverything() {
			return "purged";
		}

		public String requestIdInMdc() {
			return String.valueOf(MDC.get("request_id"));
		}

	}

	@RpcEndpoint
	public static class AmbiguousEndpoint {

		public String getConsole() {
			return "a";
		}

		public String get_console() {
			return "b";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ServerInterceptors {

		static final List<String> order = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		RpcServerInterceptor mdcInterceptor() {
			return (request, chain) -> {
				order.add("mdc");
				try (MDC.MDCCloseable id = MDC.putCloseable("request_id",
						String.valueOf(request.context().get("request_id")))) {
					return chain.proceed(request);
				}
			};
		}

		@Bean
		@Order(1)
		RpcServerInterceptor policyInterceptor() {
			return (request, chain) -> {
				order.add("policy");
				if ("purge_everything".equals(request.method()) && !"admin".equals(request.context().get("role"))) {
					throw new DispatchFailure(FailureRecord.of("Forbidden", "nova.exception",
							"Policy doesn't allow " + request.method() + " to be performed."));
				}
				return chain.proceed(request);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientInterceptors {

		static final List<String> seen = new CopyOnWriteArrayList<>();

		/** The OpenStack pattern: every outgoing message carries a request id. */
		@Bean
		@GlobalRpcClientInterceptor
		@Order(1)
		RpcClientInterceptor requestIdInterceptor() {
			return (call) -> call.context().containsKey("request_id") ? call.context()
					: call.context().with("request_id", "req-generated");
		}

		@Bean
		@GlobalRpcClientInterceptor
		@Order(0)
		RpcClientInterceptor recordingInterceptor() {
			return (call) -> {
				seen.add(call.target().topic() + ":" + call.method() + ":" + call.kind());
				return call.context();
			};
		}

		@Bean
		RpcClientInterceptor auditInterceptor() {
			return (call) -> call.context().with("request_id", "req-audit");
		}

	}

	@Test
	void snakeCaseNamingServesAndCallsOpenStackNamesAndPayloads() {
		this.runner.withBean(ComputeEndpoint.class)
			.withPropertyValues("rpc.naming.methods=snake_case", "rpc.naming.arguments=snake-case",
					"rpc.naming.payloads=SNAKE_CASE")
			.run((context) -> {
				RpcTemplate raw = context.getBean(RpcClientFactory.class).client("compute");
				Object result = raw.call(RpcContext.of(Map.of("request_id", "req-1")), "build_and_run_instance",
						Map.of("instance_uuid", "u1", "request_spec", Map.of("flavor_id", "m1", "num_instances", 2)));
				assertThat(result).isEqualTo(Map.of("flavor_id", "m1/u1/req-1", "num_instances", 2));
				assertThat(raw.call(RpcContext.empty(), "get_vnc_console", Map.of("instance_uuid", "u2")))
					.isEqualTo("vnc://u2");
				ComputeApi compute = context.getBean(RpcClientFactory.class).create(ComputeApi.class);
				assertThat(compute.buildAndRunInstance("u3", new RequestSpec("m2", 1)))
					.isEqualTo(new RequestSpec("m2/u3/null", 1));
				assertThat(compute.vncConsole("u4")).isEqualTo("vnc://u4");
				assertThat(context.getBean(WireCodec.class).mapper().writeValueAsString(new RequestSpec("m3", 3)))
					.isEqualTo("{\"flavor_id\":\"m3\",\"num_instances\":3}");
				assertThat(context.getBean(Serializer.class)
					.deserializeEntity(RpcContext.empty(), Map.of("flavor_id", "m4", "num_instances", 4),
							RequestSpec.class))
					.isEqualTo(new RequestSpec("m4", 4));
			});
	}

	@Test
	void byDefaultJavaNamesAreWireNamesAndRpcMethodNamesAreKept() {
		this.runner.withBean(ComputeEndpoint.class).withPropertyValues("rpc.naming.payloads=as-is").run((context) -> {
			RpcTemplate raw = context.getBean(RpcClientFactory.class).client("compute");
			assertThat(raw.call(RpcContext.empty(), "get_vnc_console", Map.of("instanceUuid", "u2")))
				.isEqualTo("vnc://u2");
			assertThat(raw.call(RpcContext.empty(), "purgeEverything", Map.of())).isEqualTo("purged");
			assertThat(context.getBean(WireCodec.class)).isSameAs(WireCodec.defaultCodec());
		});
	}

	@Test
	void payloadNamingWithASerializerOfTheApplicationsFailsStartupNamingTheBean() {
		this.runner.withPropertyValues("rpc.naming.payloads=snake-case")
			.withBean("mySerializer", Serializer.class, JacksonSerializer::defaultSerializer)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(RpcConfigurationException.class)
				.hasMessageContaining("Invalid value for 'rpc.naming.payloads'")
				.hasMessageContaining("its own Serializer bean 'mySerializer'"));
	}

	@Test
	void payloadNamingWithAWireCodecOfTheApplicationsFailsStartupNamingTheBean() {
		this.runner.withPropertyValues("rpc.naming.payloads=snake-case")
			.withBean("myCodec", WireCodec.class, WireCodec::defaultCodec)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("its own WireCodec bean 'myCodec'"));
	}

	@Test
	void aSerializerOfTheApplicationsIsUsedWhenPayloadNamingIsLeftAsIs() {
		Serializer mine = JacksonSerializer.defaultSerializer();
		this.runner.withBean("mySerializer", Serializer.class, () -> mine)
			.run((context) -> assertThat(context).hasNotFailed().getBean(Serializer.class).isSameAs(mine));
	}

	@Test
	void twoMethodsWithOneWireNameFailStartupNamingBoth() {
		this.runner.withBean(AmbiguousEndpoint.class)
			.withPropertyValues("rpc.naming.methods=snake_case")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("AmbiguousEndpoint.getConsole()")
				.hasMessageContaining("AmbiguousEndpoint.get_console()"));
	}

	@Test
	void theExplicitAccessPolicyServesOnlyRpcMethods() {
		this.runner.withBean(ComputeEndpoint.class)
			.withPropertyValues("rpc.server.access-policy=explicit")
			.run((context) -> {
				RpcTemplate raw = context.getBean(RpcClientFactory.class).client("compute");
				assertThat(raw.call(RpcContext.empty(), "get_vnc_console", Map.of("instanceUuid", "u5")))
					.isEqualTo("vnc://u5");
				for (String unexposed : List.of("purgeEverything", "buildAndRunInstance", "requestIdInMdc")) {
					assertThatExceptionOfType(RemoteRpcException.class)
						.isThrownBy(() -> raw.call(RpcContext.empty(), unexposed, Map.of()))
						.satisfies((ex) -> assertThat(ex.remoteClass()).isEqualTo("NoSuchMethod"));
				}
			});
	}

	@Test
	void serverInterceptorBeansRunInOrderAndCanRefuseWithARemoteError() {
		ServerInterceptors.order.clear();
		this.runner.withBean(ComputeEndpoint.class)
			.withUserConfiguration(ServerInterceptors.class)
			.withPropertyValues("rpc.naming.methods=snake_case")
			.run((context) -> {
				RpcTemplate raw = context.getBean(RpcClientFactory.class).client("compute");
				assertThatExceptionOfType(RemoteRpcException.class)
					.isThrownBy(() -> raw.call(RpcContext.empty(), "purge_everything", Map.of()))
					.satisfies((ex) -> {
						assertThat(ex.remoteClass()).isEqualTo("Forbidden");
						assertThat(ex.remoteModule()).isEqualTo("nova.exception");
					});
				assertThat(raw.call(RpcContext.of(Map.of("role", "admin")), "purge_everything", Map.of()))
					.isEqualTo("purged");
				assertThat(raw.call(RpcContext.of(Map.of("request_id", "req-mdc")), "request_id_in_mdc", Map.of()))
					.isEqualTo("req-mdc");
				assertThat(ServerInterceptors.order).containsExactly("policy", "policy", "mdc", "policy", "mdc");
			});
	}

	@Test
	void globalClientInterceptorsRunForEveryClientAndNamedOnesOnlyForTheirs() {
		ClientInterceptors.seen.clear();
		this.runner.withBean(ComputeEndpoint.class)
			.withUserConfiguration(ClientInterceptors.class)
			.withPropertyValues("rpc.clients.audit.interceptors=auditInterceptor")
			.run((context) -> {
				RpcClientFactory factory = context.getBean(RpcClientFactory.class);
				assertThat(factory.create(ComputeApi.class).buildAndRunInstance("u6", new RequestSpec("m", 1)))
					.isEqualTo(new RequestSpec("m/u6/req-generated", 1));
				Object audited = factory.client("audit")
					.call(RpcContext.of(Map.of("request_id", "req-caller")), "buildAndRunInstance",
							Map.of("instanceUuid", "u7", "requestSpec", Map.of("flavorId", "m", "numInstances", 1)));
				assertThat(audited).isEqualTo(Map.of("flavorId", "m/u7/req-audit", "numInstances", 1));
				assertThat(ClientInterceptors.seen).containsExactly("compute:buildAndRunInstance:CALL",
						"compute:buildAndRunInstance:CALL");
			});
	}

	@Test
	void aClientNamingAnUnknownInterceptorIsRefusedNamingTheKey() {
		this.runner.withUserConfiguration(ClientInterceptors.class)
			.withPropertyValues("rpc.clients.audit.interceptors=auditInterceptr")
			.run((context) -> assertThatExceptionOfType(RpcConfigurationException.class)
				.isThrownBy(() -> context.getBean(RpcClientFactory.class).client("audit"))
				.satisfies((ex) -> {
					assertThat(ex.property()).isEqualTo("rpc.clients.audit.interceptors");
					assertThat(ex.reason()).contains("'auditInterceptr'").contains("auditInterceptor");
				}));
	}

	@Test
	void aClientMethodThatCannotBeServedFailsStartupNamingIt() {
		this.runner.withUserConfiguration(ReactiveApplication.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining(
						RpcDefinitionException.class.getName() + ": @RpcClient " + ReactiveClient.class.getName())
				.rootCause()
				.hasMessageContaining(ReactiveClient.class.getName() + ".instances()")
				.hasMessageContaining("CompletableFuture<T>"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableRpcClients(basePackageClasses = ReactiveClient.class)
	static class ReactiveApplication {

	}

}
