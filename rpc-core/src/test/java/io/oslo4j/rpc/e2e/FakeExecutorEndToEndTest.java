package io.oslo4j.rpc.e2e;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.oslo4j.rpc.server.RpcServerOptions;
import org.junit.jupiter.api.AfterAll;

/**
 * The end-to-end contract on {@code fake://}, with servers that run requests on an
 * application's executor (at most {@code executorThreads} at once) instead of their own
 * threads.
 */
class FakeExecutorEndToEndTest extends FakeEndToEndTest {

	private static final ExecutorService APPLICATION = Executors.newCachedThreadPool();

	@AfterAll
	static void shutDown() {
		APPLICATION.shutdownNow();
	}

	@Override
	protected RpcServerOptions serverOptions() {
		return RpcServerOptions.defaults().withExecutorThreads(8).withExecutor(APPLICATION);
	}

}
