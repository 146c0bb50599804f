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

	@Test
	void onlyTheFrameworksOwnSignaturesAndCallbacksAreRefused() {
		assertThat(Endpoint.of(new Versioned()).methodNames()).containsExactlyInAnyOrder("compareTo", "save", "onOrder",
				"ping");
	}

	@Test
	void aFrameworkSuperclassesMethodsAreRefused() {
		assertThat(Endpoint.of(new ScheduledEndpoint()).methodNames()).containsExactly("echo");
	}

	@Test
	void objectMethodsAreRefusedForAnInterfaceWithoutATargetClass() {
		Named named = () -> "n";
		assertThat(Endpoint.of(named, Named.class, null, null, new ContainerCallbacks(Named.class, Set.of()))
			.methodNames()).containsExactly("name");
	}

	@Test
	void oneMethodDeclaredByTwoInterfacesIsOneRpcMethod() {
		Both both = () -> "hi";
		assertThat(Endpoint.of(both, Both.class, null, null).methodNames()).containsExactly("hi");
	}

	@Test
	void anOverloadedNameIsRefusedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.of(new Overloaded()))
			.withMessage("Endpoint " + Overloaded.class.getName()
					+ " overloads method 'put': RPC methods are called by name, so each name must be unique");
	}

	/**
	 * A comparable endpoint with an overload of {@code compareTo} that Comparable does
	 * not declare, advice annotations and an annotation of its own named like a listener.
	 */
	public static class Versioned implements Comparable<Versioned> {

		/** An application's own annotation: not a framework's. */
		@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
		public @interface OrderListener {

		}

		@Override
		public int compareTo(Versioned other) {
			return 0;
		}

		public int compareTo(String version) {
			return 0;
		}

		@org.springframework.transaction.annotation.Transactional
		public void save() {
		}

		@OrderListener
		public void onOrder() {
		}

		@org.springframework.scheduling.annotation.Async
		public void ping() {
		}

		public void $dollar() {
		}

	}

	/** An endpoint that is a framework class's subclass. */
	public static class ScheduledEndpoint extends java.util.TimerTask {

		@Override
		public void run() {
		}

		public String echo(String value) {
			return value;
		}

	}

	/** An interface that redeclares {@code toString}. */
	public interface Named {

		String name();

		@Override
		String toString();

	}

	/** Declares {@code hi}. */
	public interface First {

		String hi();

	}

	/** Declares {@code hi} too. */
	public interface Second {

		String hi();

	}

	/** Inherits {@code hi} from both. */
	@FunctionalInterface
	public interface Both extends First, Second {

	}

	/** Overloads a name. */
	public static class Overloaded {

		public void put(String key) {
		}

		public void put(String key, String value) {
		}

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
