package io.oslo4j.rpc.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells when a broker port accepts TCP connections again: the moment "the broker is back"
 * from which the fault tests measure how long traffic takes to resume.
 */
final class PortWatch {

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private PortWatch() {
	}

	/**
	 * Polls a local port every 20 ms on a daemon thread until it accepts a connection.
	 * @param port the port on 127.0.0.1
	 * @return completes with the {@link System#nanoTime()} of the first accepted
	 * connection
	 */
	static CompletableFuture<Long> whenOpen(int port) {
		CompletableFuture<Long> opened = new CompletableFuture<>();
		MixedLoad.daemon("port-watch-" + port, () -> {
			while (!opened.isDone()) {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
					opened.complete(System.nanoTime());
				}
				catch (IOException ex) {
					LockSupport.parkNanos(POLL_NANOS);
				}
			}
		});
		return opened;
	}

}
