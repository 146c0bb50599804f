package io.oslo4j.rpc.e2e;

import io.oslo4j.rpc.server.RpcServerOptions;

/**
 * The end-to-end contract on {@code fake://}, with servers that run requests on their
 * consumer threads ({@code executorThreads} 0) instead of a worker pool.
 */
class FakeInlineEndToEndTest extends FakeEndToEndTest {

	@Override
	protected RpcServerOptions serverOptions() {
		return RpcServerOptions.defaults().withExecutorThreads(0);
	}

}
