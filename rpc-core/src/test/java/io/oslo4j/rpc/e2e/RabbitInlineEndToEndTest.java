package io.oslo4j.rpc.e2e;

import io.oslo4j.rpc.server.RpcServerOptions;

/**
 * The end-to-end contract on the real RabbitMQ broker, with servers that run requests on
 * their consumer threads ({@code executorThreads} 0) instead of a worker pool.
 */
class RabbitInlineEndToEndTest extends RabbitEndToEndTest {

	@Override
	protected RpcServerOptions serverOptions() {
		return RpcServerOptions.defaults().withExecutorThreads(0);
	}

}
