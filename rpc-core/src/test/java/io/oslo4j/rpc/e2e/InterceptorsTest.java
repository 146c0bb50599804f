package io.oslo4j.rpc.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcClientCall;
import io.oslo4j.rpc.client.RpcClientInterceptor;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.observation.RpcKind;
import io.oslo4j.rpc.server.DispatchFailure;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcDispatcher;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerInterceptor;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.FailureRecord;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Client interceptors see every call, cast and fanout cast with its target and wire name
 * and choose its context; server interceptors run around dispatch, in order, and can
 * refuse a request with the failure a Python caller expects, change the endpoint's
 * context, and put values into the MDC for the endpoint.
 */
@Timeout(30)
class InterceptorsTest {

	private final Transport transport = Transports.create("fake:///" + MessageIds.next());

	@AfterEach
	void close() {
		this.transport.close();
	}

	/** Records the MDC's request id the endpoint runs with. */
	public static class MdcEndpoint extends CalculatorEndpoint {

		final List<String> mdc = new CopyOnWriteArrayList<>();

		public MdcEndpoint() {
			super("s1");
		}

		public String mdcRequestId() {
			String id = MDC.get("request_id");
			this.mdc.add(String.valueOf(id));
			return id;
		}

	}

	@Test
	void clientInterceptorsSeeEveryMessageAndChooseItsContextInOrder() {
		List<RpcClientCall> seen = new CopyOnWriteArrayList<>();
		RpcClientInterceptor record = (call) -> {
			seen.add(call);
			return call.context();
		};
		RpcClientInterceptor requestId = (call) -> call.context().containsKey("request_id") ? call.context()
				: call.context().with("request_id", "req-generated");
		RpcClientInterceptor user = (call) -> call.context().with("user_id", "u-" + call.method());
		MdcEndpoint endpoint = new MdcEndpoint();
		try (RpcServer server = server(endpoint, List.of()).start()) {
			RpcTemplate client = client(record, requestId, user);
			@SuppressWarnings("unchecked")
			Map<String, Object> whoami = (Map<String, Object>) client.call(RpcContext.empty(), "whoami", Map.of());
			assertThat(whoami).extractingByKey("context")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsOnlyKeys("request_id", "user_id", "client_timeout")
				.containsEntry("request_id", "req-generated")
				.containsEntry("user_id", "u-whoami");
			Map<String, Object> async = client
				.<Map<String, Object>>callAsync(RpcContext.of(Map.of("request_id", "req-kept")), "whoami", Map.of(),
						Map.class)
				.join();
			assertThat(async).extractingByKey("context")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("request_id", "req-kept");
			client.cast(RpcContext.empty(), "echo", Map.of("value", 1));
			client.prepare((p) -> p.fanout(true)).cast(RpcContext.empty(), "echo", Map.of("value", 2));
			await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 4);
			assertThat(seen).extracting(RpcClientCall::kind)
				.containsExactly(RpcKind.CALL, RpcKind.CALL, RpcKind.CAST, RpcKind.FANOUT);
			assertThat(seen).extracting(RpcClientCall::method).containsExactly("whoami", "whoami", "echo", "echo");
			assertThat(seen.get(0).target().topic()).isEqualTo("calc");
			assertThat(seen.get(3).target().fanout()).isTrue();
			assertThat(seen.get(1).context().get("request_id")).isEqualTo("req-kept");
		}
	}

	@Test
	void aClientInterceptorThatThrowsStopsTheMessageAndOneReturningNoContextIsNamed() {
		RpcClientInterceptor refuse = (call) -> {
			throw new IllegalStateException("no token for " + call.method());
		};
		assertThatIllegalStateException()
			.isThrownBy(() -> client(refuse).cast(RpcContext.empty(), "echo", Map.of("value", 1)))
			.withMessage("no token for echo");
		RpcClientInterceptor broken = (call) -> null;
		assertThatIllegalStateException().isThrownBy(() -> client(broken).call(RpcContext.empty(), "whoami", Map.of()))
			.withMessageContaining("returned no context for 'whoami'");
	}

	@Test
	void serverInterceptorsRunInOrderAroundDispatchAndCanRefuseChangeAndDecorate() {
		List<String> order = new CopyOnWriteArrayList<>();
		RpcServerInterceptor outer = (request, chain) -> {
			order.add("outer>" + request.method());
			try {
				return chain.proceed(request);
			}
			finally {
				order.add("outer<");
			}
		};
		RpcServerInterceptor policy = (request, chain) -> {
			if (!"admin".equals(request.context().get("role")) && "fail".equals(request.method())) {
				throw new DispatchFailure(
						FailureRecord.of("Forbidden", "nova.exception", "Policy doesn't allow " + request.method()));
			}
			return chain.proceed(request.withContext(request.context().with("checked_by", "policy")));
		};
		RpcServerInterceptor mdc = (request, chain) -> {
			try (MDC.MDCCloseable id = MDC.putCloseable("request_id",
					String.valueOf(request.context().get("request_id")))) {
				return chain.proceed(request);
			}
		};
		MdcEndpoint endpoint = new MdcEndpoint();
		try (RpcServer server = server(endpoint, List.of(outer, policy, mdc)).start()) {
			RpcTemplate client = client();
			assertThatExceptionOfType(RemoteRpcException.class)
				.isThrownBy(() -> client.call(RpcContext.empty(), "fail", Map.of("message", "never runs")))
				.satisfies((ex) -> {
					assertThat(ex.remoteClass()).isEqualTo("Forbidden");
					assertThat(ex.remoteModule()).isEqualTo("nova.exception");
					assertThat(ex.remoteMessage()).isEqualTo("Policy doesn't allow fail");
				});
			@SuppressWarnings("unchecked")
			Map<String, Object> whoami = (Map<String, Object>) client.call(RpcContext.of(Map.of("role", "admin")),
					"whoami", Map.of());
			assertThat(whoami).extractingByKey("context")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("checked_by", "policy");
			assertThat(client.call(RpcContext.of(Map.of("request_id", "req-42")), "mdcRequestId", Map.of()))
				.isEqualTo("req-42");
			assertThat(MDC.get("request_id")).isNull();
			// every request is seen, also one that no endpoint serves
			assertThatExceptionOfType(RemoteRpcException.class)
				.isThrownBy(() -> client.call(RpcContext.empty(), "missing", Map.of()))
				.satisfies((ex) -> assertThat(ex.remoteClass()).isEqualTo("NoSuchMethod"));
			assertThat(order).containsExactly("outer>fail", "outer<", "outer>whoami", "outer<", "outer>mdcRequestId",
					"outer<", "outer>missing", "outer<");
		}
	}

	@Test
	void aServerInterceptorReturningNoOutcomeIsNamedInTheFailure() {
		RpcServerInterceptor broken = (request, chain) -> null;
		try (RpcServer server = server(new MdcEndpoint(), List.of(broken)).start()) {
			assertThatExceptionOfType(RemoteRpcException.class)
				.isThrownBy(() -> client().call(RpcContext.empty(), "whoami", Map.of()))
				.satisfies((ex) -> assertThat(ex.remoteMessage()).contains("returned no outcome"));
		}
	}

	private RpcTemplate client(RpcClientInterceptor... interceptors) {
		ClientOptions options = ClientOptions.defaults()
			.withTimeout(Duration.ofSeconds(5))
			.withInterceptors(List.of(interceptors));
		return new RpcTemplate(this.transport, Target.topic("calc"), options);
	}

	private RpcServer server(Object endpoint, List<RpcServerInterceptor> interceptors) {
		RpcServerOptions options = RpcServerOptions.defaults();
		return new RpcServer(this.transport, Target.server("calc", "s1"),
				new RpcDispatcher(List.of(Endpoint.of(endpoint)), options.serializer(), interceptors), options);
	}

}
