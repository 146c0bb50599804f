package io.oslo4j.rpc.reliability;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.server.AckMode;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;

/**
 * The server that {@link ServerCrashTest} runs in a JVM of its own and kills with
 * {@code kill -9} while it holds a request: it prints {@code READY} once consuming and
 * {@code HELD <id>} when a {@code hold} call arrives, which it never answers.
 * <p>
 * Arguments: transport URL, topic, server name, ack mode ({@code ON_RECEIPT} or
 * {@code AFTER_DISPATCH}).
 */
public final class CrashingServer {

	private CrashingServer() {
	}

	public static void main(String[] args) throws InterruptedException {
		Transport transport = Transports.create(args[0]);
		RpcServerOptions options = RpcServerOptions.defaults().withAckMode(AckMode.valueOf(args[3]));
		RpcServer server = new RpcServer(transport, Target.server(args[1], args[2]), List.of(Endpoint.of(new Holder())),
				options)
			.start();
		while (!server.isRunning()) {
			LockSupport.parkNanos(10_000_000);
		}
		System.out.println("READY");
		System.out.flush();
		new CountDownLatch(1).await();
	}

	/** Holds every call forever, as a server that hangs before it crashes. */
	@RpcEndpoint(version = "1.0")
	public static final class Holder {

		public String hold(String id) throws InterruptedException {
			System.out.println("HELD " + id);
			System.out.flush();
			new CountDownLatch(1).await();
			return id;
		}

	}

}
