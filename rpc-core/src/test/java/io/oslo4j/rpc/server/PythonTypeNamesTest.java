package io.oslo4j.rpc.server;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.wire.FailureRecord;
import io.oslo4j.rpc.wire.RequestMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Arguments and versions of the wrong JSON type fail with Python's {@code AttributeError}
 * naming the Python type the value would have in a Python server: {@code NoneType},
 * {@code list}, {@code str}, {@code bool}, {@code float}, {@code int}, {@code dict}.
 */
class PythonTypeNamesTest {

	private final RpcDispatcher dispatcher = new RpcDispatcher(List.of(Endpoint.of(new Api())),
			JacksonSerializer.defaultSerializer());

	@Test
	void argsThatAreNotAnObjectNameTheirPythonType() {
		Object[] values = { null, List.of(1), "text", true, 1.5, new BigDecimal("2.5"), 1.5f, 7, 7L };
		String[] types = { "NoneType", "list", "str", "bool", "float", "float", "float", "int", "int" };
		for (int i = 0; i < values.length; i++) {
			assertThat(failure(request(values[i], "1.0")).message()).as(types[i])
				.isEqualTo("'" + types[i] + "' object has no attribute 'items'");
		}
	}

	@Test
	void versionsThatAreNotAStringNameTheirPythonType() {
		Object[] values = { 1, true, Map.of("a", 1), List.of("1.0") };
		String[] types = { "int", "bool", "dict", "list" };
		for (int i = 0; i < values.length; i++) {
			FailureRecord failure = failure(request(Map.of(), values[i]));
			assertThat(failure.className()).isEqualTo("AttributeError");
			assertThat(failure.message()).as(types[i]).isEqualTo("'" + types[i] + "' object has no attribute 'split'");
		}
	}

	@Test
	void theDispatcherKeepsItsEndpointsInOrder() {
		Endpoint first = Endpoint.of(new Api());
		Endpoint second = Endpoint.of(new Api(), Api.class, "ns", "1.1");
		assertThat(new RpcDispatcher(List.of(first, second), JacksonSerializer.defaultSerializer()).endpoints())
			.containsExactly(first, second);
	}

	private FailureRecord failure(RequestMessage request) {
		return catchThrowableOfType(DispatchFailure.class, () -> this.dispatcher.dispatch(request, RpcContext.empty()))
			.failure();
	}

	private static RequestMessage request(@Nullable Object args, @Nullable Object version) {
		return new RequestMessage("ping", args, null, version, "m1", "reply_q", null, "u1", Map.of());
	}

	/** An endpoint with one method. */
	public static class Api {

		public String ping() {
			return "pong";
		}

	}

}
