package io.oslo4j.rpc.boot.aot;

import java.nio.file.Path;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.boot.aot.app.Adder;
import io.oslo4j.rpc.boot.aot.app.AotApplication;
import io.oslo4j.rpc.boot.aot.app.AotCalculatorClient;
import io.oslo4j.rpc.boot.aot.app.AotCalculatorEndpoint;
import io.oslo4j.rpc.boot.aot.app.AotListener;
import io.oslo4j.rpc.boot.aot.app.AotRefusedException;
import io.oslo4j.rpc.boot.aot.app.Instance;
import io.oslo4j.rpc.boot.aot.app.Sum;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints an application processed ahead of time gets for its client, endpoint,
 * listener and allowed remote exceptions.
 */
@Timeout(60)
class RpcAotHintsTest {

	@TempDir
	static Path directory;

	private static RuntimeHints hints;

	@BeforeAll
	static void process() {
		hints = AotProcessing.process(
				AotApplication.class, Map.of("rpc.transport-url", "fake:///" + MessageIds.next(),
						"rpc.allowed-remote-exceptions", AotRefusedException.class.getName() + ", com.example.Missing"),
				directory)
			.hints();
	}

	@Test
	void aClientInterfaceGetsAJdkProxyAndItsMethods() {
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(AotCalculatorClient.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AotCalculatorClient.class, "add"))
			.accepts(hints);
	}

	@Test
	void theCallableMethodsOfAnEndpointAndItsInterfacesCanBeInvoked() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AotCalculatorEndpoint.class, "add"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Adder.class, "add")).accepts(hints);
	}

	@Test
	void methodsThatAreNeverCallableGetNoHint() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AotCalculatorEndpoint.class, "_internal"))
			.rejects(hints);
	}

	@Test
	void aListenerMethodCanBeInvokedAndNoOtherMethodOfItsBean() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AotListener.class, "created")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(AotListener.class, "received"))
			.rejects(hints);
	}

	@Test
	void parameterAndReturnTypesAreBoundByJacksonButNotTheRequestContext() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection().onType(Sum.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Sum.class, "value")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(Sum.class.getDeclaredConstructor(long.class, int.class))).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Instance.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Instance.class, "vcpus")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(RpcContext.class)).rejects(hints);
	}

	@Test
	void anAllowedRemoteExceptionCanBeMadeFromItsMessage() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(AotRefusedException.class.getConstructor(String.class))).accepts(hints);
	}

	@Test
	void anApplicationWithoutOslo4jBeansGetsNoContribution() {
		assertThat(new RpcBeanFactoryInitializationAotProcessor().processAheadOfTime(new DefaultListableBeanFactory()))
			.isNull();
	}

	@Test
	void theProcessorIsRegisteredForAot() {
		assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class))
			.hasAtLeastOneElementOfType(RpcBeanFactoryInitializationAotProcessor.class);
	}

}
