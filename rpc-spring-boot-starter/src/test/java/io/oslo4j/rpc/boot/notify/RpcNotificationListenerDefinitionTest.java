package io.oslo4j.rpc.boot.notify;

import io.oslo4j.rpc.boot.test.FailureAnalyses;

import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.annotation.RpcParam;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcDefinitionException;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @RpcNotificationListener} methods that cannot be used fail startup with a
 * failure analysis naming the bean, the method and what is wrong.
 */
@Timeout(60)
class RpcNotificationListenerDefinitionTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next());

	private FailureAnalysis analyze(Class<?> listener) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.runner.withBean("billing", listener).run((context) -> {
			assertThat(context.getStartupFailure()).isInstanceOf(RpcDefinitionException.class);
			analysis[0] = FailureAnalyses.analyze(context.getStartupFailure());
		});
		assertThat(analysis[0].getDescription()).contains("@RpcNotificationListener " + listener.getName() + "#on(")
			.contains("(bean 'billing') cannot be used");
		assertThat(analysis[0].getAction()).contains("returns void or NotificationResult");
		return analysis[0];
	}

	@Test
	void twoParametersThatCouldEachBeThePayloadAreRefused() {
		assertThat(analyze(TwoPayloads.class).getDescription())
			.contains("parameter 'a' (String), parameter 'b' (String) could each be the payload");
	}

	@Test
	void aParameterNamedForTheContextWithAnotherTypeIsRefused() {
		assertThat(analyze(WrongContextType.class).getDescription())
			.contains("parameter 'ctxt' receives the context (or declare it as RpcContext): declare it as Map, "
					+ "not String");
	}

	@Test
	void aPublisherIdThatIsNotAStringIsRefused() {
		assertThat(analyze(WrongPublisherType.class).getDescription())
			.contains("parameter 'publisher_id' receives the publisher id: declare it as String, not Integer");
	}

	@Test
	void anotherParameterBesidesThePayloadIsRefused() {
		assertThat(analyze(ExtraParameter.class).getDescription())
			.contains("besides the payload, parameter 'tenant' (String) cannot be filled");
	}

	@Test
	void aReturnValueOtherThanNotificationResultIsRefused() {
		assertThat(analyze(ReturnsString.class).getDescription())
			.contains("a listener method returns void or NotificationResult, not String");
	}

	@Test
	void privateAndStaticMethodsAreRefused() {
		assertThat(analyze(PrivateMethod.class).getDescription()).contains("must not be private");
		assertThat(analyze(StaticMethod.class).getDescription()).contains("must not be static");
	}

	@Test
	void anEventTypeThatIsNotARegularExpressionIsRefused() {
		assertThat(analyze(BadRegex.class).getDescription())
			.contains("eventType 'compute.(' is not a regular expression: Unclosed group");
	}

	@Test
	void anUnresolvablePlaceholderIsRefused() {
		assertThat(analyze(MissingPlaceholder.class).getDescription())
			.contains("cannot resolve topics '${missing.topic}'");
	}

	static class TwoPayloads {

		@RpcNotificationListener
		public void on(String a, String b) {
		}

	}

	static class WrongContextType {

		@RpcNotificationListener
		public void on(String ctxt, Object payload) {
		}

	}

	static class WrongPublisherType {

		@RpcNotificationListener
		public void on(@RpcParam("publisher_id") Integer publisher) {
		}

	}

	static class ExtraParameter {

		@RpcNotificationListener
		public void on(String tenant, Object payload) {
		}

	}

	static class ReturnsString {

		@RpcNotificationListener
		public String on(Object payload) {
			return "";
		}

	}

	static class PrivateMethod {

		@RpcNotificationListener
		@SuppressWarnings("unused")
		private void on(Object payload) {
		}

	}

	static class StaticMethod {

		@RpcNotificationListener
		public static void on(Object payload) {
		}

	}

	static class BadRegex {

		@RpcNotificationListener(eventType = "compute.(")
		public void on(Object payload) {
		}

	}

	static class MissingPlaceholder {

		@RpcNotificationListener(topics = "${missing.topic}")
		public void on(Object payload) {
		}

	}

}
