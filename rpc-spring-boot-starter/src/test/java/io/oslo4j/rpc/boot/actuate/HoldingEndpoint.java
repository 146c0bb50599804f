package io.oslo4j.rpc.boot.actuate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.annotation.RpcEndpoint;

/**
 * An endpoint whose method holds its request until released (at most 30 s).
 */
@RpcEndpoint(topic = "holding")
public class HoldingEndpoint {

	final CountDownLatch release = new CountDownLatch(1);

	public boolean hold() throws InterruptedException {
		return this.release.await(30, TimeUnit.SECONDS);
	}

}
