package io.oslo4j.rpc.e2e;

import io.oslo4j.rpc.server.RpcServerOptions;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * The end-to-end contract on {@code fake://}, with servers that run each request on a
 * virtual thread of its own (Java 21 and later; the Java 25 build runs it).
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class FakeVirtualThreadsEndToEndTest extends FakeEndToEndTest {

	@Override
	protected RpcServerOptions serverOptions() {
		return RpcServerOptions.defaults().withExecutor(new VirtualThreadTaskExecutor("rpc-virtual-"));
	}

}
