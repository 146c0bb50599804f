package io.oslo4j.rpc.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server with two workers, two queued requests and a prefetch of four, offered ten
 * times what it can do: the heap stays bounded (requests wait on the broker, where their
 * expiration drops them, not in the server), callers time out cleanly, and the server
 * answers again once the load stops.
 */
@Timeout(120)
class OverloadTest {

	private static final int THREADS = 2;

	private static final int QUEUED = 2;

	private static final int PREFETCH = 4;

	private static final long WORK_MILLIS = 100;

	private static final int CAPACITY_PER_SECOND = (int) (THREADS * 1000 / WORK_MILLIS);

	private static final int OFFERED_PER_SECOND = 10 * CAPACITY_PER_SECOND;

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final Duration LOAD = Duration.ofSeconds(15);

	@Test
	void memoryStaysBoundedCallersTimeOutCleanlyAndTheServerRecovers() throws Exception {
		String topic = "faults_overload_" + System.nanoTime();
		TransportSettings prefetch = TransportSettings.defaults()
			.withOptions(Map.of("rabbit_qos_prefetch_count", Integer.toString(PREFETCH)));
		try (Transport serverTransport = Transports.create(TransportUrl.parse(TestBroker.url()), prefetch);
				Transport clientTransport = Transports.create(TestBroker.url())) {
			FaultEndpoint endpoint = new FaultEndpoint("s1");
			RpcServer server = new RpcServer(serverTransport, Target.server(topic, "s1"),
					List.of(Endpoint.of(endpoint)),
					RpcServerOptions.defaults().withExecutorThreads(THREADS).withQueueCapacity(QUEUED))
				.start();
			RpcTemplate client = new RpcTemplate(clientTransport, Target.topic(topic),
					ClientOptions.defaults().withTimeout(TIMEOUT));
			await().atMost(Duration.ofSeconds(10)).until(server::isRunning);
			client.call(RpcContext.empty(), "work", Map.of("millis", 1), String.class);
			long heapBefore = heapAfterGc();

			Outcomes outcomes = new Outcomes();
			List<Long> heapDuring = new CopyOnWriteArrayList<>();
			AtomicInteger maxInFlight = new AtomicInteger();
			long start = System.nanoTime();
			long pause = TimeUnit.SECONDS.toNanos(1) / OFFERED_PER_SECOND;
			long nextSample = start;
			for (long next = start; next - start < LOAD.toNanos(); next += pause) {
				LockSupport.parkNanos(next - System.nanoTime());
				outcomes.send(client);
				maxInFlight.accumulateAndGet(server.inFlight(), Math::max);
				if (System.nanoTime() - nextSample > 0) {
					heapDuring.add(heapAfterGc());
					nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
				}
			}
			long loadEnd = System.nanoTime();
			await().atMost(TIMEOUT.plusSeconds(5)).until(() -> outcomes.pending.get() == 0);
			long heapAfter = heapAfterGc();

			long recovered = System.nanoTime();
			await().atMost(Duration.ofSeconds(20))
				.ignoreExceptionsInstanceOf(RpcTimeoutException.class)
				.until(() -> "s1".equals(client.call(RpcContext.empty(), "whoami", Map.of(), String.class)));
			double recoverySeconds = (System.nanoTime() - recovered) / 1e9;
			long maxHeap = heapDuring.stream().mapToLong(Long::longValue).max().orElse(heapBefore);
			System.out.printf("[faults] overload: capacity %d calls/s, offered %d calls/s for %d s (timeout %d s)%n",
					CAPACITY_PER_SECOND, OFFERED_PER_SECOND, LOAD.toSeconds(), TIMEOUT.toSeconds());
			System.out.printf(
					"[faults]   calls sent %d / ok %d / timed out %d / other failures %s, slowest failure "
							+ "%.2f s after sending%n",
					outcomes.sent.get(), outcomes.ok.get(), outcomes.timedOut.get(), outcomes.other,
					outcomes.slowestFailureNanos.get() / 1e9);
			System.out.printf(
					"[faults]   heap after GC: before %d MB, during max %d MB %s, after %d MB; server "
							+ "requests in flight at most %d; answered again %.2f s after the load stopped (%.2f s "
							+ "after the last send)%n",
					mb(heapBefore), mb(maxHeap), heapDuring.stream().map((h) -> mb(h)).toList(), mb(heapAfter),
					maxInFlight.get(), recoverySeconds, (System.nanoTime() - loadEnd) / 1e9);

			assertThat(outcomes.other).as("failures other than timeouts").isEmpty();
			assertThat(outcomes.timedOut.get()).as("calls timed out").isPositive();
			assertThat(outcomes.slowestFailureNanos.get()).as("slowest failure")
				.isLessThanOrEqualTo(TIMEOUT.plusSeconds(1).toNanos());
			assertThat(maxInFlight.get()).as("requests held by the server").isLessThanOrEqualTo(THREADS + QUEUED);
			assertThat(mb(maxHeap - heapBefore)).as("heap growth during the overload, MB").isLessThan(64);
			assertThat(mb(heapAfter - heapBefore)).as("heap growth after the overload, MB").isLessThan(16);
			server.close();
		}
		finally {
			SharedBroker.deleteQueues(topic);
		}
	}

	private static long heapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static long mb(long bytes) {
		return bytes / (1024 * 1024);
	}

	/** What became of the calls sent. */
	private static final class Outcomes {

		final AtomicLong sent = new AtomicLong();

		final AtomicLong ok = new AtomicLong();

		final AtomicLong timedOut = new AtomicLong();

		final AtomicLong pending = new AtomicLong();

		final AtomicLong slowestFailureNanos = new AtomicLong();

		final Map<String, Integer> other = new ConcurrentHashMap<>();

		void send(RpcTemplate client) {
			long sentAt = System.nanoTime();
			this.sent.incrementAndGet();
			this.pending.incrementAndGet();
			CompletableFuture<String> call;
			try {
				call = client.callAsync(RpcContext.empty(), "work", Map.of("millis", WORK_MILLIS), String.class);
			}
			catch (RuntimeException ex) {
				failed(ex, sentAt);
				return;
			}
			call.whenComplete((result, error) -> {
				if (error == null) {
					this.ok.incrementAndGet();
					this.pending.decrementAndGet();
				}
				else {
					failed(error, sentAt);
				}
			});
		}

		private void failed(Throwable error, long sentAt) {
			Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause()
					: error;
			this.slowestFailureNanos.accumulateAndGet(System.nanoTime() - sentAt, Math::max);
			if (cause instanceof RpcTimeoutException) {
				this.timedOut.incrementAndGet();
			}
			else {
				this.other.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
			}
			this.pending.decrementAndGet();
		}

	}

}
