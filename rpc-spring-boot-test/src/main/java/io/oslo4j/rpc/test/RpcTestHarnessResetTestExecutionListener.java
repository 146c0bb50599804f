package io.oslo4j.rpc.test;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the context's {@link RpcTestHarness} after each test method, so that records and
 * stubs never leak from one test into the next (cached contexts are shared between
 * tests). Registered in {@code META-INF/spring.factories}; does nothing for a context
 * without a harness, and never loads a context.
 */
final class RpcTestHarnessResetTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext()
				.getBeanProvider(RpcTestHarness.class)
				.ifAvailable(RpcTestHarness::reset);
		}
	}

}
