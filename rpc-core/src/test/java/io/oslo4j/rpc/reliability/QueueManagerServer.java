package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.ReplyWaiter;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;

/**
 * A service that {@link QueueManagerCrashSuite} runs in a JVM of its own, with
 * queue-manager names, and kills with {@code kill -9}: a server of a topic that is also
 * the client of another. It prints {@code READY <reply queue>} once consuming,
 * {@code CAST <id>} for every {@code record} cast it runs, {@code CALLED <n>} once it has
 * sent its calls, and {@code LATE <n>} whenever the count of replies for calls it no
 * longer waits for changes.
 * <p>
 * Arguments: transport URL, topic, server name, the topic to call, how many {@code hold}
 * calls to send there (they are never waited for).
 */
public final class QueueManagerServer {

	private QueueManagerServer() {
	}

	public static void main(String[] args) {
		Transport transport = Transports.create(args[0]);
		RpcServer server = RpcServer.create(transport, Target.server(args[1], args[2]), new Recorder()).start();
		while (!server.isRunning()) {
			LockSupport.parkNanos(10_000_000);
		}
		ReplyWaiter waiter = ReplyWaiter.of(transport);
		// the waiter handles the replies: the transport's one reply queue is declared for
		// it
		String replyQueue = transport.replyQueue(waiter);
		print("READY " + replyQueue);
		RpcTemplate client = new RpcTemplate(transport, Target.topic(args[3]),
				ClientOptions.defaults().withTimeout(Duration.ofSeconds(60)));
		int calls = Integer.parseInt(args[4]);
		for (int i = 0; i < calls; i++) {
			client.callAsync(RpcContext.empty(), "hold", Map.of("id", "before-crash-" + i), String.class);
		}
		print("CALLED " + calls);
		long late = 0;
		while (true) {
			long now = waiter.lateReplies();
			if (now != late) {
				late = now;
				print("LATE " + late);
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
	}

	private static void print(String line) {
		synchronized (System.out) {
			System.out.println(line);
			System.out.flush();
		}
	}

	/** Prints every cast it runs. */
	@RpcEndpoint(version = "1.0")
	public static final class Recorder {

		public void record(String id) {
			print("CAST " + id);
		}

	}

}
