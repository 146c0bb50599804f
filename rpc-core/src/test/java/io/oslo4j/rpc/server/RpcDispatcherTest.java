package io.oslo4j.rpc.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.ExpectedExceptions;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.annotation.RpcParam;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.server.RpcDispatcher.Outcome;
import io.oslo4j.rpc.wire.FailureRecord;
import io.oslo4j.rpc.wire.RequestMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RpcDispatcher} follows oslo's {@code RPCDispatcher} (spec §6): endpoint
 * selection by namespace and version, oslo's error classes and texts, Python's argument
 * errors, and an access policy that exposes only the endpoint's own public RPC methods.
 */
class RpcDispatcherTest {

	public static class Api implements AutoCloseable, InitializingBean, DisposableBean {

		final List<String> calls = new ArrayList<>();

		public String echo(RpcContext ctx, String arg) {
			return "api:" + arg;
		}

		public int add(int a, int b) {
			return a + b;
		}

		public Map<String, @Nullable Object> ctx(RpcContext ctx) {
			return ctx.asMap();
		}

		public String greet(Optional<String> name) {
			return "hello " + name.orElse("nobody");
		}

		public String renamed(@RpcParam("wire_name") String javaName) {
			return javaName;
		}

		public String boom() {
			throw new IllegalStateException("boom");
		}

		@ExpectedExceptions(IllegalArgumentException.class)
		public String expected(boolean expectedOne) throws Exception {
			if (expectedOne) {
				throw new IllegalArgumentException("expected");
			}
			throw new java.io.IOException("unexpected");
		}

		public void _secret() {
			this.calls.add("_secret");
		}

		public static String util() {
			return "static";
		}

		protected String prot() {
			return "protected";
		}

		String pkg() {
			return "package";
		}

		@SuppressWarnings("unused")
		private String priv() {
			return "private";
		}

		@Override
		public void close() {
			this.calls.add("close");
		}

		@Override
		public void afterPropertiesSet() {
			this.calls.add("afterPropertiesSet");
		}

		@Override
		public void destroy() {
			this.calls.add("destroy");
		}

		@Override
		public String toString() {
			return "Api";
		}

		@Override
		public boolean equals(Object other) {
			return super.equals(other);
		}

		@Override
		public int hashCode() {
			return super.hashCode();
		}

	}

	public static class Other {

		public String echo(String arg) {
			return "other:" + arg;
		}

		public String onlyOther() {
			return "onlyOther";
		}

	}

	public static class Overloaded {

		public String get(String a) {
			return a;
		}

		public String get(String a, String b) {
			return a + b;
		}

	}

	private static Map<String, @Nullable Object> map(@Nullable Object... keyValues) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

	private static RequestMessage request(@Nullable String method, @Nullable Object args, @Nullable Object namespace,
			@Nullable Object version) {
		return new RequestMessage(method, args, namespace, version, "m1", "reply_q", null, "u1", map());
	}

	private static RpcDispatcher dispatcher(Endpoint... endpoints) {
		return new RpcDispatcher(List.of(endpoints), JacksonSerializer.defaultSerializer());
	}

	private final Api api = new Api();

	private final RpcDispatcher apiOnly = dispatcher(Endpoint.of(this.api, Api.class, null, "1.1"));

	private RpcDispatcher.Outcome call(RpcDispatcher dispatcher, String method, @Nullable Object args) {
		return dispatcher.dispatch(request(method, args, null, "1.0"), RpcContext.empty());
	}

	private static FailureRecord failure(Runnable action) {
		try {
			action.run();
		}
		catch (DispatchFailure ex) {
			return ex.failure();
		}
		throw new AssertionError("no DispatchFailure");
	}

	private FailureRecord failure(RpcDispatcher dispatcher, RequestMessage request) {
		return failure(() -> dispatcher.dispatch(request, RpcContext.empty()));
	}

	private static void assertNoSuchMethod(FailureRecord failure, String method) {
		assertThat(failure.className()).isEqualTo("NoSuchMethod");
		assertThat(failure.module()).isEqualTo("oslo_messaging.rpc.dispatcher");
		assertThat(failure.message()).isEqualTo("Endpoint does not support RPC method " + method);
		assertThat(failure.args()).containsExactly("Endpoint does not support RPC method " + method);
		assertThat(failure.kwargs()).isEmpty();
	}

	private static void assertUnsupportedVersion(FailureRecord failure, String version, String method) {
		String message = "Endpoint does not support RPC version " + version + ". Attempted method: " + method;
		assertThat(failure.className()).isEqualTo("UnsupportedVersion");
		assertThat(failure.module()).isEqualTo("oslo_messaging.rpc.dispatcher");
		assertThat(failure.message()).isEqualTo(message);
		assertThat(failure.args()).containsExactly(message);
	}

	private static void assertBuiltin(FailureRecord failure, String className, String message) {
		assertThat(failure.className()).isEqualTo(className);
		assertThat(failure.module()).isEqualTo("builtins");
		assertThat(failure.message()).isEqualTo(message);
		assertThat(failure.args()).containsExactly(message);
	}

	// ---- interceptors ---------------------------------------------------------------

	@Test
	void interceptorsRunInOrderAroundTheEndpointAndCanChangeItsContext() {
		List<String> order = new ArrayList<>();
		RpcServerInterceptor first = (request, chain) -> {
			order.add("first:" + request.context().get("step"));
			Outcome outcome = chain.proceed(request.withContext(request.context().with("step", "1")));
			order.add("first done");
			return outcome;
		};
		RpcServerInterceptor second = (request, chain) -> {
			order.add("second:" + request.context().get("step"));
			return chain.proceed(request.withContext(request.context().with("step", "2")));
		};
		RpcDispatcher dispatcher = new RpcDispatcher(List.of(Endpoint.of(new Api())),
				JacksonSerializer.defaultSerializer(), List.of(first, second));
		Outcome outcome = dispatcher.dispatch(request("ctx", map(), null, "1.0"), RpcContext.of(map("step", "0")));
		assertThat(outcome.result()).isEqualTo(map("step", "2"));
		assertThat(order).containsExactly("first:0", "second:1", "first done");
	}

	@Test
	void anInterceptorThatAnswersItselfStopsTheChainAndOneReturningNothingIsNamed() {
		Outcome refused = new Outcome(null, new IllegalStateException("refused"), true);
		RpcServerInterceptor answer = (request, chain) -> refused;
		RpcServerInterceptor never = (request, chain) -> {
			throw new AssertionError("not reached");
		};
		RpcDispatcher answering = new RpcDispatcher(List.of(Endpoint.of(new Api())),
				JacksonSerializer.defaultSerializer(), List.of(answer, never));
		assertThat(answering.dispatch(request("add", map("a", 1, "b", 2), null, "1.0"), RpcContext.empty()))
			.isSameAs(refused);
		RpcServerInterceptor broken = (request, chain) -> null;
		RpcDispatcher failing = new RpcDispatcher(List.of(Endpoint.of(new Api())),
				JacksonSerializer.defaultSerializer(), List.of(broken));
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> failing.dispatch(request("add", map("a", 1, "b", 2), null, "1.0"), RpcContext.empty()))
			.withMessageContaining("returned no outcome");
	}

	// ---- selection ------------------------------------------------------------------

	@Test
	void namespaceNullMatchesNullAndMismatchIsUnsupportedVersion() {
		RpcDispatcher plain = dispatcher(Endpoint.of(new Other(), Other.class, null, null));
		assertThat(plain.dispatch(request("echo", map("arg", "x"), null, "1.0"), RpcContext.empty()).result())
			.isEqualTo("other:x");
		assertUnsupportedVersion(failure(plain, request("echo", map("arg", "x"), "ctl", "1.0")), "1.0", "echo");
		RpcDispatcher ctl = dispatcher(Endpoint.of(new Other(), Other.class, "ctl", null));
		assertUnsupportedVersion(failure(ctl, request("echo", map("arg", "x"), null, "1.0")), "1.0", "echo");
		assertThat(ctl.dispatch(request("echo", map("arg", "x"), "ctl", "1.0"), RpcContext.empty()).result())
			.isEqualTo("other:x");
		// a namespace that is not a string (a peer's bad message) matches no endpoint
		assertUnsupportedVersion(failure(plain, request("echo", map("arg", "x"), 5, "1.0")), "1.0", "echo");
		// an empty namespace on the endpoint means none
		assertThat(Endpoint.of(new Other(), Other.class, "", null).namespace()).isNull();
	}

	@Test
	void versionCompatibility() {
		for (String ok : List.of("1.0", "1.1", "1.0.5", "1.1.0")) {
			assertThat(
					this.apiOnly.dispatch(request("add", map("a", 1, "b", 2), null, ok), RpcContext.empty()).result())
				.as(ok)
				.isEqualTo(3);
		}
		for (String bad : List.of("1.2", "2.0", "0.9", "1.1.1")) {
			assertUnsupportedVersion(failure(this.apiOnly, request("add", map("a", 1, "b", 2), null, bad)), bad, "add");
		}
		// endpoint without a version is 1.0
		RpcDispatcher v10 = dispatcher(Endpoint.of(new Other(), Other.class, null, null));
		assertUnsupportedVersion(failure(v10, request("echo", map("arg", "x"), null, "1.0.1")), "1.0.1", "echo");
	}

	@Test
	void noSuchMethodText() {
		assertNoSuchMethod(failure(() -> call(this.apiOnly, "nope", map())), "nope");
	}

	@Test
	void firstCompatibleEndpointWithTheMethodWins() {
		Api first = new Api();
		RpcDispatcher both = dispatcher(Endpoint.of(first, Api.class, null, null),
				Endpoint.of(new Other(), Other.class, null, null));
		assertThat(call(both, "echo", map("arg", "x")).result()).isEqualTo("api:x");
		// the first lacks the method: the next compatible one serves it
		assertThat(call(both, "onlyOther", map()).result()).isEqualTo("onlyOther");
		// an incompatible first endpoint is skipped
		RpcDispatcher skip = dispatcher(Endpoint.of(first, Api.class, null, "2.0"),
				Endpoint.of(new Other(), Other.class, null, null));
		assertThat(call(skip, "echo", map("arg", "x")).result()).isEqualTo("other:x");
	}

	@Test
	void compatibleEndpointWithoutTheMethodIsNoSuchMethod() {
		// Api (2.0) has "add" but is incompatible; Other (1.0) is compatible but lacks it
		RpcDispatcher dispatcher = dispatcher(Endpoint.of(new Api(), Api.class, null, "2.0"),
				Endpoint.of(new Other(), Other.class, null, null));
		assertNoSuchMethod(failure(() -> call(dispatcher, "add", map("a", 1, "b", 2))), "add");
	}

	@Test
	void malformedVersionsFailLikePython() {
		// version_is_compatible: '1'.split('.')[1] -> IndexError
		assertBuiltin(failure(this.apiOnly, request("add", map(), null, "1")), "IndexError", "list index out of range");
		// ... but only when the major matches; otherwise it is just incompatible
		assertUnsupportedVersion(failure(this.apiOnly, request("add", map(), null, "2")), "2", "add");
		// int('x') -> ValueError naming the part
		assertBuiltin(failure(this.apiOnly, request("add", map(), null, "1.x")), "ValueError",
				"invalid literal for int() with base 10: 'x'");
		assertBuiltin(failure(this.apiOnly, request("add", map(), null, "x.1")), "ValueError",
				"invalid literal for int() with base 10: 'x'");
		// null version -> UnsupportedVersion None
		assertUnsupportedVersion(failure(this.apiOnly, request("add", map(), null, null)), "None", "add");
		// a non-string version -> AttributeError on .split
		assertBuiltin(failure(this.apiOnly, request("add", map(), null, 1.5)), "AttributeError",
				"'float' object has no attribute 'split'");
	}

	// ---- arguments ------------------------------------------------------------------

	@Test
	void argsNullOrListIsAttributeError() {
		assertBuiltin(failure(() -> call(this.apiOnly, "add", null)), "AttributeError",
				"'NoneType' object has no attribute 'items'");
		assertBuiltin(failure(() -> call(this.apiOnly, "add", List.of(1, 2))), "AttributeError",
				"'list' object has no attribute 'items'");
	}

	@Test
	void missingArgumentIsTypeErrorNamingIt() {
		// CPython names the function by its __qualname__: nested classes include the
		// outer one
		assertBuiltin(failure(() -> call(this.apiOnly, "add", map("a", 1))), "TypeError",
				"RpcDispatcherTest.Api.add() missing 1 required positional argument: 'b'");
		assertBuiltin(failure(() -> call(this.apiOnly, "add", map())), "TypeError",
				"RpcDispatcherTest.Api.add() missing 2 required positional arguments: 'a' and 'b'");
	}

	@Test
	void unexpectedKeywordIsTypeErrorNamingIt() {
		assertBuiltin(failure(() -> call(this.apiOnly, "add", map("a", 1, "b", 2, "nope", 3))), "TypeError",
				"RpcDispatcherTest.Api.add() got an unexpected keyword argument 'nope'");
		// Python reports an unexpected keyword before a missing argument
		assertBuiltin(failure(() -> call(this.apiOnly, "add", map("a", 1, "nope", 3))), "TypeError",
				"RpcDispatcherTest.Api.add() got an unexpected keyword argument 'nope'");
	}

	@Test
	void wrongTypeIsTypeErrorNamingTheArgument() {
		FailureRecord failure = failure(() -> call(this.apiOnly, "add", map("a", "one", "b", 2)));
		assertThat(failure.className()).isEqualTo("TypeError");
		assertThat(failure.module()).isEqualTo("builtins");
		assertThat(failure.message()).contains("add()").contains("'a'");
	}

	@Test
	void contextIsInjected() {
		RpcContext ctx = RpcContext.of(map("user_id", "u1", "client_timeout", null));
		RpcDispatcher.Outcome outcome = this.apiOnly.dispatch(request("ctx", map(), null, "1.0"), ctx);
		assertThat(outcome.result()).isEqualTo(map("user_id", "u1", "client_timeout", null));
		assertThat(call(this.apiOnly, "echo", map("arg", "x")).result()).isEqualTo("api:x");
	}

	@Test
	void optionalParameterAbsentIsEmpty() {
		assertThat(call(this.apiOnly, "greet", map()).result()).isEqualTo("hello nobody");
		assertThat(call(this.apiOnly, "greet", map("name", null)).result()).isEqualTo("hello nobody");
		assertThat(call(this.apiOnly, "greet", map("name", "bob")).result()).isEqualTo("hello bob");
	}

	@Test
	void rpcParamRenames() {
		assertThat(call(this.apiOnly, "renamed", map("wire_name", "w")).result()).isEqualTo("w");
		assertBuiltin(failure(() -> call(this.apiOnly, "renamed", map("javaName", "w"))), "TypeError",
				"RpcDispatcherTest.Api.renamed() got an unexpected keyword argument 'javaName'");
	}

	// ---- method exceptions ----------------------------------------------------------

	@Test
	void methodExceptionsAreCapturedInTheOutcome() {
		RpcDispatcher.Outcome boom = call(this.apiOnly, "boom", map());
		assertThat(boom.exception()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
		assertThat(boom.expected()).isFalse();
		assertThat(boom.result()).isNull();
		RpcDispatcher.Outcome expected = call(this.apiOnly, "expected", map("expectedOne", true));
		assertThat(expected.exception()).isInstanceOf(IllegalArgumentException.class);
		assertThat(expected.expected()).isTrue();
		RpcDispatcher.Outcome unexpected = call(this.apiOnly, "expected", map("expectedOne", false));
		assertThat(unexpected.exception()).isInstanceOf(java.io.IOException.class);
		assertThat(unexpected.expected()).isFalse();
	}

	// ---- access policy ----------------------------------------------------------------

	@Test
	void onlyTheEndpointsOwnPublicMethodsAreCallable() {
		for (String name : List.of("getClass", "hashCode", "wait", "notify", "notifyAll", "toString", "equals", "clone",
				"finalize", "util", "prot", "pkg", "priv", "_secret", "close", "afterPropertiesSet", "destroy")) {
			assertNoSuchMethod(failure(() -> call(this.apiOnly, name, map())), name);
		}
		assertThat(this.api.calls).isEmpty();
		assertThat(Endpoint.of(this.api, Api.class, null, null).methodNames()).containsExactlyInAnyOrder("echo", "add",
				"ctx", "greet", "renamed", "boom", "expected");
	}

	@Test
	void overloadedNamesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.of(new Overloaded()))
			.withMessageContaining("overloads method 'get'")
			.withMessageContaining(Overloaded.class.getName());
	}

	@Test
	void endpointTypeMustMatchTheBean() {
		assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.of(new Other(), Api.class, null, null));
	}

	// ---- proxies ----------------------------------------------------------------------

	@RpcEndpoint(namespace = "ns", version = "1.3")
	public static class Annotated {

		public String echo(String arg) {
			return "annotated:" + arg;
		}

	}

	/** Shaped like a Spring CGLIB proxy: a subclass with "$$" in its name. */
	public static class Annotated$$SpringCGLIB$$0 extends Annotated {

		final List<String> intercepted = new ArrayList<>();

		@Override
		public String echo(String arg) {
			this.intercepted.add(arg);
			return super.echo(arg);
		}

		public Object[] getCallbacks() {
			return new Object[0];
		}

	}

	@Test
	void endpointInvokedThroughASubclassProxy() {
		Annotated$$SpringCGLIB$$0 proxy = new Annotated$$SpringCGLIB$$0();
		RpcDispatcher explicit = dispatcher(Endpoint.of(proxy, Annotated.class, null, null));
		assertThat(call(explicit, "echo", map("arg", "x")).result()).isEqualTo("annotated:x");
		assertThat(proxy.intercepted).containsExactly("x");
		assertNoSuchMethod(failure(() -> call(explicit, "getCallbacks", map())), "getCallbacks");

		// Endpoint.of(bean) looks through the proxy to the user class and its annotation
		Endpoint endpoint = Endpoint.of(proxy);
		assertThat(endpoint.type()).isEqualTo(Annotated.class);
		assertThat(endpoint.namespace()).isEqualTo("ns");
		assertThat(endpoint.version().toString()).isEqualTo("1.3");
		assertThat(endpoint.methodNames()).containsExactly("echo");
		RpcDispatcher viaAnnotation = dispatcher(endpoint);
		assertThat(viaAnnotation.dispatch(request("echo", map("arg", "y"), "ns", "1.2"), RpcContext.empty()).result())
			.isEqualTo("annotated:y");
		assertThat(proxy.intercepted).containsExactly("x", "y");
	}

	@Test
	void argumentsAreConvertedWithTheSerializer() {
		assertThat(call(this.apiOnly, "add", map("a", 2L, "b", 3)).result()).isEqualTo(5);
	}

}
