package io.oslo4j.rpc.security;

import java.util.Set;

import io.oslo4j.rpc.server.ContainerCallbacks;
import io.oslo4j.rpc.server.Endpoint;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.interceptor.DebugInterceptor;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The access policy on endpoints built the way Spring users build them, without a broker:
 * generic framework overrides, annotated callbacks, callbacks named by a bean definition,
 * interface proxies whose interface redeclares {@code toString}, and class proxies with
 * final methods.
 */
class CallableMethodsTest {

	@Test
	void genericOverridesAndAnnotatedCallbacksAreNotCallable() {
		assertThat(Endpoint.of(new FrameworkMethodsEndpoint()).methodNames()).containsExactly("echo");
	}

	@Test
	void namesLikeFrameworkMethodsStayCallableWhenNothingDeclaresThem() {
		assertThat(Endpoint.of(new LookAlike()).methodNames()).containsExactlyInAnyOrder("apply", "accept", "shutdown",
				"onEvent");
	}

	@Test
	void callbacksNamedByTheContainerAreNotCallable() {
		LookAlike bean = new LookAlike();
		ContainerCallbacks callbacks = ContainerCallbacks.of(bean)
			.withMethodNames(Set.of("onEvent"))
			.withMethodNames(ContainerCallbacks.INFERRED_DESTROY_METHODS);
		assertThat(Endpoint.of(bean, LookAlike.class, null, null, callbacks).methodNames())
			.containsExactlyInAnyOrder("apply", "accept");
	}

	@Test
	void anInterfaceProxyServesNeitherObjectMethodsNorTheTargetsCallbacks() {
		ProxyFactory factory = new ProxyFactory(new GreeterImpl());
		factory.addInterface(Greeter.class);
		factory.addAdvice(new DebugInterceptor());
		Object proxy = factory.getProxy();
		assertThat(Endpoint.of(proxy, Greeter.class, null, null).methodNames()).containsExactly("greet");
	}

	@Test
	void aClassProxyWithAFinalMethodIsRefusedNamingIt() {
		ProxyFactory factory = new ProxyFactory(new FinalMethodEndpoint());
		factory.setProxyTargetClass(true);
		factory.addAdvice(new DebugInterceptor());
		Object proxy = factory.getProxy();
		assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.of(proxy))
			.withMessageContaining("method 'FinalMethodEndpoint.audit' is final")
			.withMessageContaining("Remove 'final'");
		// not proxied, a final method is an ordinary RPC method
		assertThat(Endpoint.of(new FinalMethodEndpoint()).methodNames()).containsExactlyInAnyOrder("audit", "echo");
	}

	/** Methods named like framework methods, on a class that implements none. */
	public static class LookAlike {

		public String apply(String value) {
			return value;
		}

		public void accept(String value) {
		}

		public void shutdown() {
		}

		public void onEvent(String event) {
		}

	}

	/** An interface that redeclares {@code Object} methods and a listener method. */
	public interface Greeter {

		String greet(String name);

		@Override
		String toString();

		@Override
		int hashCode();

		void onFlush(String event);

	}

	/** The target behind the interface proxy: its implementation is an event listener. */
	public static class GreeterImpl implements Greeter {

		@Override
		public String greet(String name) {
			return "hello " + name;
		}

		@Override
		@EventListener
		public void onFlush(String event) {
		}

		@Override
		public String toString() {
			return "GreeterImpl";
		}

		@Override
		public int hashCode() {
			return 1;
		}

		@Override
		public boolean equals(Object other) {
			return other == this;
		}

	}

	/** An endpoint with a final method, which a class proxy cannot advise. */
	public static class FinalMethodEndpoint {

		public String echo(String value) {
			return value;
		}

		public final String audit() {
			return "audit";
		}

	}

}
