package io.oslo4j.rpc.boot.configuration;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.annotation.RpcEndpoint;

/**
 * An endpoint whose topic and server come from {@code rpc.server.*}: {@code echo}
 * answers, {@code never} does not answer until {@link #release()} (at most a minute).
 */
@RpcEndpoint
public class ConfigEndpoint {

	private final CountDownLatch released = new CountDownLatch(1);

	public String echo(String text) {
		return text;
	}

	public String never() throws InterruptedException {
		this.released.await(60, TimeUnit.SECONDS);
		return "late";
	}

	void release() {
		this.released.countDown();
	}

}
