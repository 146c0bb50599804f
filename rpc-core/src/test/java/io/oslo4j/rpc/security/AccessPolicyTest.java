package io.oslo4j.rpc.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Over RabbitMQ, only the endpoint's own public methods answer: every forbidden kind
 * ({@code Object} methods, lifecycle callbacks, container setters and injection points,
 * {@code _} and {@code $} names, non-public and static methods) is oslo's
 * {@code NoSuchMethod}, with arguments it would accept, and none of them runs.
 */
class AccessPolicyTest {

	@Test
	void onlyTheEndpointsOwnPublicMethodsAreCallable() {
		assertThat(Endpoint.of(new GuardedEndpoint()).methodNames()).containsExactly("echo");
	}

	@Test
	@Timeout(120)
	void everyForbiddenKindIsNoSuchMethodOverRabbit() {
		GuardedEndpoint endpoint = new GuardedEndpoint();
		try (Transport transport = Transports.create(TestBroker.url());
				ServedTopic served = ServedTopic.serve(transport, "guarded", endpoint)) {
			RpcTemplate client = served.client(transport, Duration.ofSeconds(20));
			for (List<Object> call : GuardedEndpoint.FORBIDDEN) {
				String method = (String) call.get(0);
				Map<String, @Nullable Object> args = new LinkedHashMap<>();
				for (int i = 1; i < call.size(); i += 2) {
					args.put((String) call.get(i), call.get(i + 1));
				}
				assertThatExceptionOfType(RemoteRpcException.class).as(method)
					.isThrownBy(() -> client.call(RpcContext.empty(), method, args))
					.satisfies((ex) -> {
						assertThat(ex.remoteClass()).isEqualTo("NoSuchMethod");
						assertThat(ex.remoteModule()).isEqualTo("oslo_messaging.rpc.dispatcher");
						assertThat(ex.remoteMessage()).isEqualTo("Endpoint does not support RPC method " + method);
					});
				client.cast(RpcContext.empty(), method, args);
			}
			assertThat(client.call(RpcContext.empty(), "echo", Map.of("value", "ok"), String.class)).isEqualTo("ok");
			// the casts went before the last call on the same queue: all were refused
			assertThat(endpoint.ran).isEmpty();
		}
	}

}
