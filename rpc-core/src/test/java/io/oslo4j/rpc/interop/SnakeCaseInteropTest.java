package io.oslo4j.rpc.interop;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.annotation.RpcMethod;
import io.oslo4j.rpc.annotation.RpcParam;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcClientInterceptor;
import io.oslo4j.rpc.client.RpcClients;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.interop.PythonOslo.Step;
import io.oslo4j.rpc.naming.NamingStrategy;
import io.oslo4j.rpc.naming.WireNames;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.server.AccessPolicy;
import io.oslo4j.rpc.server.ContainerCallbacks;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.OsloJson;
import io.oslo4j.rpc.wire.WireCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camelCase Java against snake_case Python (oslo.messaging 14.0.3, on the host's
 * RabbitMQ): a Java client interface calls a Python server's {@code snake_case} methods
 * and keyword arguments through the naming strategy and through {@code @RpcMethod}, with
 * payload records written and read in {@code snake_case}; and a Python client calls a
 * camelCase Java endpoint by {@code snake_case} names, under the explicit access policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class SnakeCaseInteropTest {

	private static final JsonMapper SNAKE_MAPPER = OsloJson.builder()
		.propertyNamingStrategy(NamingStrategy.SNAKE_CASE.jackson())
		.build();

	private InteropTestSupport support;

	private String pythonTopic;

	private String javaTopic;

	private Transport transport;

	/** What Nova's scheduler hands a compute host, as a Java record. */
	public record RequestSpec(String flavorId, int numInstances) {

	}

	/** What the Python server answers. */
	public record BuildResult(String instanceUuid, RequestSpec requestSpec, String requestId) {

	}

	/** A Nova-style compute API, the Java way. */
	interface ComputeApi {

		BuildResult buildAndRunInstance(String instanceUuid, RequestSpec requestSpec);

		@RpcMethod("get_console_output")
		String consoleOutput(@RpcParam("instance_uuid") String uuid, @RpcParam("tail_length") int lines);

	}

	/** A camelCase Java endpoint that Python callers reach by snake_case names. */
	public static class ConductorEndpoint {

		@RpcMethod
		public RequestSpec scheduleInstances(RpcContext ctx, RequestSpec requestSpec, String hostName) {
			return new RequestSpec(requestSpec.flavorId() + "@" + hostName + "/" + ctx.get("request_id"),
					requestSpec.numInstances());
		}

		@RpcMethod("ping_conductor")
		public String ping() {
			return "pong";
		}

		public String notExposed() {
			return "never";
		}

	}

	@BeforeAll
	void start() {
		this.support = new InteropTestSupport(InteropCell.OSLO14_DEFAULT);
		this.pythonTopic = InteropTestSupport.uniqueTopic("snake_py");
		this.javaTopic = InteropTestSupport.uniqueTopic("snake_java");
		this.support.pythonServer(this.pythonTopic, "p1");
		this.transport = this.support.transport();
		ConductorEndpoint conductor = new ConductorEndpoint();
		this.support.queues(this.javaTopic, this.javaTopic + ".j1", this.javaTopic + "_fanout");
		this.support.track(new RpcServer(this.transport, Target.server(this.javaTopic, "j1"),
				List.of(Endpoint.of(conductor, ConductorEndpoint.class, null, null, ContainerCallbacks.of(conductor),
						WireNames.SNAKE_CASE, AccessPolicy.EXPLICIT)),
				RpcServerOptions.defaults()
					.withSerializer(new JacksonSerializer(SNAKE_MAPPER), new WireCodec(SNAKE_MAPPER))))
			.start();
	}

	@AfterAll
	void stop() throws Exception {
		this.support.close();
	}

	@Test
	void aJavaClientCallsSnakeCaseMethodsOfAPythonServer() {
		RpcClientInterceptor requestIds = (call) -> call.context().with("request_id", "req-snake");
		ClientOptions options = ClientOptions.defaults()
			.withTimeout(Duration.ofSeconds(20))
			.withSerializer(new JacksonSerializer(SNAKE_MAPPER), new WireCodec(SNAKE_MAPPER))
			.withInterceptors(List.of(requestIds));
		ComputeApi compute = RpcClients.create(ComputeApi.class,
				new RpcTemplate(this.transport, Target.topic(this.pythonTopic), options), RpcContext::empty,
				WireNames.SNAKE_CASE);
		assertThat(compute.buildAndRunInstance("uuid-1", new RequestSpec("m1.small", 2)))
			.isEqualTo(new BuildResult("uuid-1", new RequestSpec("m1.small", 2), "req-snake"));
		assertThat(compute.consoleOutput("uuid-1", 40)).isEqualTo("uuid-1:40");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPythonClientCallsACamelCaseJavaEndpointBySnakeCaseNames() {
		List<Step> steps = List.of(
				PythonOslo.call("schedule_instances")
					.arg("request_spec", Map.of("flavor_id", "m1.tiny", "num_instances", 3))
					.arg("host_name", "cmp1")
					.ctxt("request_id", "req-py"),
				PythonOslo.call("ping_conductor"), PythonOslo.call("not_exposed"), PythonOslo.call("notExposed"),
				PythonOslo.call("scheduleInstances").arg("request_spec", Map.of()).arg("host_name", "x"));
		List<Map<String, Object>> results = PythonOslo.runClient(this.support.cell.pythonUrl("client"), this.javaTopic,
				steps, Duration.ofSeconds(60));
		assertThat(results.get(0)).containsEntry("ok", true)
			.containsEntry("result", Map.of("flavor_id", "m1.tiny@cmp1/req-py", "num_instances", 3));
		assertThat(results.get(1)).containsEntry("ok", true).containsEntry("result", "pong");
		for (Map<String, Object> refused : results.subList(2, 5)) {
			assertThat(refused).containsEntry("ok", false).containsEntry("exc_type", "NoSuchMethod");
		}
	}

}
