package io.oslo4j.rpc.test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.test.app.HarnessTestApplication;
import io.oslo4j.rpc.test.app.InventoryClient;
import io.oslo4j.rpc.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each context made for a test class annotated with {@link AutoConfigureRpcTest} has a
 * broker of its own, while Spring's context cache still shares a context between classes
 * of the same configuration. The test classes are prepared here by Spring's
 * {@link TestContextManager}, as JUnit would, so that several cached contexts are alive
 * at once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IsolatedBrokerTest {

	@Test
	void twoCachedContextsOnTheSameTopicDoNotSeeEachOthersMessages() throws Exception {
		First first = prepare(new First());
		Second second = prepare(new Second());
		try {
			assertThat(first.context).isNotSameAs(second.context);
			assertThat(first.transport.url().effectiveVirtualHost()).startsWith("rpc-test-")
				.isNotEqualTo(second.transport.url().effectiveVirtualHost());
			first.rpc.stub("inventory").on("skus").willReturn(List.of("first"));
			assertThatExceptionOfType(RpcTimeoutException.class).isThrownBy(second.inventory::skus);
			assertThat(second.rpc.requests("inventory")).singleElement()
				.satisfies((request) -> assertThat(request.method()).isEqualTo("skus"));
			assertThat(first.rpc.requests()).isEmpty();
			assertThat(first.inventory.skus()).containsExactly("first");
			assertThat(first.rpc.requests("inventory")).hasSize(1);
			assertThat(second.rpc.requests("inventory")).hasSize(1);
		}
		finally {
			first.rpc.reset();
			second.rpc.reset();
		}
	}

	@Test
	void classesOfTheSameConfigurationShareOneCachedContext() throws Exception {
		assertThat(prepare(new SameConfigurationAsFirst()).context).isSameAs(prepare(new First()).context);
	}

	@Test
	void aTransportUrlInTheTestsOwnPropertiesWins() throws Exception {
		NamedByTheTest named = prepare(new NamedByTheTest());
		assertThat(named.transport.url().effectiveVirtualHost()).isEqualTo("named-by-the-test");
		named.inventory.release("A-1");
		assertThat(named.rpc.awaitRequest("inventory", "release").arg("sku")).isEqualTo("A-1");
		named.rpc.reset();
	}

	@Test
	void withoutTheAnnotationAContextUsesTheApplicationsBrokerAndHasNoHarness() throws Exception {
		NotAnnotated plain = prepare(new NotAnnotated());
		assertThat(plain.transport.url().effectiveVirtualHost()).isEqualTo("shared-by-every-context");
		assertThat(plain.context.getBeanProvider(RpcTestHarness.class).getIfAvailable()).isNull();
	}

	private static <T> T prepare(T testInstance) throws Exception {
		new TestContextManager(testInstance.getClass()).prepareTestInstance(testInstance);
		return testInstance;
	}

	abstract static class Fields {

		@Autowired
		ApplicationContext context;

		@Autowired
		Transport transport;

		@Autowired
		InventoryClient inventory;

	}

	abstract static class HarnessFields extends Fields {

		@Autowired
		RpcTestHarness rpc;

	}

	@SpringBootTest(classes = HarnessTestApplication.class)
	@AutoConfigureRpcTest
	static class First extends HarnessFields {

	}

	@SpringBootTest(classes = HarnessTestApplication.class)
	@AutoConfigureRpcTest
	static class SameConfigurationAsFirst extends HarnessFields {

	}

	@SpringBootTest(classes = HarnessTestApplication.class, properties = "rpc.clients.inventory.timeout=1s")
	@AutoConfigureRpcTest
	static class Second extends HarnessFields {

	}

	@SpringBootTest(classes = HarnessTestApplication.class, properties = "rpc.transport-url=fake:///named-by-the-test")
	@AutoConfigureRpcTest
	static class NamedByTheTest extends HarnessFields {

	}

	@SpringBootTest(classes = HarnessTestApplication.class)
	static class NotAnnotated extends Fields {

	}

}
