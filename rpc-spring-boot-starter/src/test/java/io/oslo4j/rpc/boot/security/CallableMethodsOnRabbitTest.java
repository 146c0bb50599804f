package io.oslo4j.rpc.boot.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcDefinitionException;
import io.oslo4j.rpc.boot.security.endpoints.AccessPolicyApplications;
import io.oslo4j.rpc.boot.security.endpoints.AdvisedEndpoint;
import io.oslo4j.rpc.boot.security.endpoints.ExplicitEndpoint;
import io.oslo4j.rpc.boot.security.endpoints.GreeterApi;
import io.oslo4j.rpc.boot.security.endpoints.JdkProxiedEndpoint;
import io.oslo4j.rpc.boot.security.endpoints.PlainEndpoint;
import io.oslo4j.rpc.boot.security.endpoints.PooledEndpoint;
import io.oslo4j.rpc.boot.security.endpoints.RecordingTransactionManager;
import io.oslo4j.rpc.boot.security.endpoints.ShutdownEndpoint;
import io.oslo4j.rpc.boot.security.endpoints.TransactionalEndpoint;
import io.oslo4j.rpc.boot.security.endpoints.ValidatedEndpoint;
import io.oslo4j.rpc.interop.PythonOslo;
import io.oslo4j.rpc.interop.PythonOslo.Step;
import io.oslo4j.rpc.security.FrameworkMethodsEndpoint;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Python oslo.messaging 14 client, on RabbitMQ, against Boot applications whose
 * endpoints are written the way Spring users write beans, plain and behind real Spring
 * proxies: methods Spring or the JDK call (generic interface overrides, annotated
 * callbacks, init and destroy methods named by the bean definition, {@code Object}
 * methods an interface redeclares) are oslo's {@code NoSuchMethod} and never run, the
 * endpoints' own methods answer through their proxies' advice, and an advised endpoint
 * with a final method does not start.
 */
@Timeout(180)
class CallableMethodsOnRabbitTest {

	private static final Duration RUN = Duration.ofSeconds(120);

	private final String url = TestBroker.url();

	private final String topic = "boot_access_" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void deleteQueues() {
		BrokerQueues.delete(List.of(this.topic, this.topic + ".s1"));
	}

	@Test
	void genericOverridesAndAnnotatedCallbacksAreNoSuchMethodPlainOrProxied() {
		runner(AccessPolicyApplications.FrameworkMethods.class).run((context) -> {
			TransactionalEndpoint tx = context.getBean(TransactionalEndpoint.class);
			assertThat(AopUtils.isCglibProxy(tx)).isTrue();
			assertThat(AopUtils.isCglibProxy(context.getBean(ValidatedEndpoint.class))).isTrue();
			assertThat(AopUtils.isCglibProxy(context.getBean(AdvisedEndpoint.class))).isTrue();
			List<String> namespaces = List.of("plain", "tx", "validated", "advised");
			List<Step> steps = new ArrayList<>();
			for (String namespace : namespaces) {
				for (List<Object> call : FrameworkMethodsEndpoint.REFUSED) {
					steps.add(step(call).namespace(namespace));
				}
			}
			steps.add(PythonOslo.call("echo").namespace("plain").arg("value", "ok"));
			steps.add(PythonOslo.call("save").namespace("tx").arg("value", "saved"));
			steps.add(PythonOslo.call("name").namespace("validated").arg("value", " "));
			steps.add(PythonOslo.call("purge").namespace("advised"));
			steps.add(PythonOslo.call("purge").namespace("advised").ctxt("roles", List.of("admin")));
			List<Map<String, Object>> results = PythonOslo.runClient(this.url, this.topic, steps, RUN);

			int refused = namespaces.size() * FrameworkMethodsEndpoint.REFUSED.size();
			for (int i = 0; i < refused; i++) {
				assertNoSuchMethod(results.get(i), (String) steps.get(i).get("method"));
			}
			assertThat(results.get(refused)).containsEntry("ok", true).containsEntry("result", "ok");
			assertThat(results.get(refused + 1)).containsEntry("result", "saved");
			assertThat(context.getBean(RecordingTransactionManager.class).begun).hasValue(1);
			assertThat(results.get(refused + 2)).containsEntry("ok", false)
				.containsEntry("exc_type", "ConstraintViolationException");
			assertThat(results.get(refused + 3)).containsEntry("ok", false)
				.containsEntry("exc_type", "SecurityException");
			assertThat(results.get(refused + 4)).containsEntry("ok", true).containsEntry("result", "purged");
			for (Class<? extends FrameworkMethodsEndpoint> type : List.of(PlainEndpoint.class,
					TransactionalEndpoint.class, ValidatedEndpoint.class, AdvisedEndpoint.class)) {
				FrameworkMethodsEndpoint target = AopTestUtils.getUltimateTargetObject(context.getBean(type));
				assertThat(target.ran).as(type.getSimpleName()).isSubsetOf("purge");
			}
		});
	}

	@Test
	void underTheExplicitPolicyOnlyRpcMethodsAnswerThroughTheirProxy() {
		runner(AccessPolicyApplications.Explicit.class).withPropertyValues("rpc.server.access-policy=explicit")
			.run((context) -> {
				ExplicitEndpoint endpoint = context.getBean(ExplicitEndpoint.class);
				assertThat(AopUtils.isCglibProxy(endpoint)).isTrue();
				List<Step> steps = new ArrayList<>();
				for (List<Object> call : FrameworkMethodsEndpoint.REFUSED) {
					steps.add(step(call).namespace("explicit"));
				}
				steps.add(PythonOslo.call("echo").namespace("explicit").arg("value", "x"));
				steps.add(PythonOslo.call("purgeAll").namespace("explicit"));
				steps.add(PythonOslo.call("storeValue").namespace("explicit").arg("value", "x"));
				steps.add(PythonOslo.call("store_value").namespace("explicit").arg("value", "v"));
				List<Map<String, Object>> results = PythonOslo.runClient(this.url, this.topic, steps, RUN);
				for (int i = 0; i < steps.size() - 1; i++) {
					assertNoSuchMethod(results.get(i), (String) steps.get(i).get("method"));
				}
				assertThat(results.get(steps.size() - 1)).containsEntry("ok", true).containsEntry("result", "stored v");
				assertThat(context.getBean(RecordingTransactionManager.class).begun).hasValue(1);
				assertThat(AopTestUtils.<ExplicitEndpoint>getUltimateTargetObject(endpoint).ran)
					.containsExactly("storeValue");
			});
	}

	@Test
	void initAndDestroyMethodsOfTheBeanDefinitionAreNoSuchMethod() {
		runner(AccessPolicyApplications.NamedCallbacks.class).run((context) -> {
			PooledEndpoint pooled = context.getBean(PooledEndpoint.class);
			assertThat(AopUtils.isCglibProxy(pooled)).isTrue();
			List<Step> steps = List.of(PythonOslo.call("openPool").namespace("pooled"),
					PythonOslo.call("teardown").namespace("pooled"), PythonOslo.call("shutdown").namespace("inferred"),
					PythonOslo.call("close").namespace("inferred"),
					PythonOslo.call("echo").namespace("pooled").arg("value", "p"),
					PythonOslo.call("echo").namespace("inferred").arg("value", "i"));
			List<Map<String, Object>> results = PythonOslo.runClient(this.url, this.topic, steps, RUN);
			for (int i = 0; i < 4; i++) {
				assertNoSuchMethod(results.get(i), (String) steps.get(i).get("method"));
			}
			assertThat(results.get(4)).containsEntry("result", "p");
			assertThat(results.get(5)).containsEntry("result", "i");
			// only Spring's own init call ran
			assertThat(AopTestUtils.<PooledEndpoint>getUltimateTargetObject(pooled).ran).containsExactly("openPool");
			assertThat(context.getBean(ShutdownEndpoint.class).ran).isEmpty();
		});
	}

	@Test
	void anInterfaceProxyServesNoObjectMethodItsInterfaceRedeclares() {
		runner(AccessPolicyApplications.InterfaceProxy.class).run((context) -> {
			Object bean = context.getBean(GreeterApi.class);
			assertThat(AopUtils.isJdkDynamicProxy(bean)).isTrue();
			List<Step> steps = List.of(PythonOslo.call("toString").namespace("jdk"),
					PythonOslo.call("hashCode").namespace("jdk"),
					PythonOslo.call("onFlush").namespace("jdk").arg("event", "x"),
					PythonOslo.call("greet").namespace("jdk").arg("name", "py"));
			List<Map<String, Object>> results = PythonOslo.runClient(this.url, this.topic, steps, RUN);
			for (int i = 0; i < 3; i++) {
				assertNoSuchMethod(results.get(i), (String) steps.get(i).get("method"));
			}
			assertThat(results.get(3)).containsEntry("result", "hello py");
			assertThat(AopTestUtils.<JdkProxiedEndpoint>getUltimateTargetObject(bean).ran).isEmpty();
		});
	}

	@Test
	void anAdvisedEndpointWithAFinalMethodDoesNotStart() {
		runner(AccessPolicyApplications.FinalMethod.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("method 'FinalMethodEndpoint.wipe' is final");
			assertThat(context.getStartupFailure()).hasCauseInstanceOf(RpcDefinitionException.class);
		});
	}

	private ApplicationContextRunner runner(Class<?> application) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
			.withUserConfiguration(application)
			.withPropertyValues("rpc.transport-url=" + this.url, "rpc.server.topic=" + this.topic, "rpc.server.name=s1",
					"rpc.fail-fast=true");
	}

	private static Step step(List<Object> call) {
		Step step = PythonOslo.call((String) call.get(0));
		for (int i = 1; i < call.size(); i += 2) {
			step.arg((String) call.get(i), call.get(i + 1));
		}
		return step;
	}

	private static void assertNoSuchMethod(Map<String, Object> result, String method) {
		assertThat(result).as(method)
			.containsEntry("ok", false)
			.containsEntry("type", "RemoteError")
			.containsEntry("exc_type", "NoSuchMethod")
			.containsEntry("value", "Endpoint does not support RPC method " + method);
	}

}
