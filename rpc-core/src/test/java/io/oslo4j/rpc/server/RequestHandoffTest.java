package io.oslo4j.rpc.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.transport.StubDelivery;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order of ack and hand-off: a call is handed to a worker before its ack is written,
 * a cast after it; and, without workers, requests run on the consumer thread in oslo's
 * order (ack, then dispatch; or dispatch, then ack).
 */
@Timeout(30)
class RequestHandoffTest {

	private final Transport transport = Transports.create("fake:///" + MessageIds.next());

	private final List<String> invoked = new CopyOnWriteArrayList<>();

	private final List<List<String>> settledAtHandOff = new CopyOnWriteArrayList<>();

	private volatile @Nullable StubDelivery current;

	// stops the workers as a task reaches them, as a graceful stop racing a hand-off does
	private volatile boolean stopOnHandOff;

	// records how the current delivery was settled when its task reached the workers
	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1), WorkerQueue::refuse) {

		@Override
		public void execute(Runnable command) {
			StubDelivery delivery = RequestHandoffTest.this.current;
			if (delivery != null) {
				RequestHandoffTest.this.settledAtHandOff.add(List.copyOf(delivery.settlements()));
			}
			if (RequestHandoffTest.this.stopOnHandOff) {
				shutdown();
			}
			super.execute(command);
		}

	};

	@AfterEach
	void close() {
		this.executor.shutdownNow();
		this.transport.close();
	}

	@Test
	void aCastIsAckedBeforeItIsHandedToAWorker() {
		StubDelivery delivery = deliver(processor(this.executor, AckMode.ON_RECEIPT), cast("cast"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.invoked.contains("cast"));
		assertThat(this.settledAtHandOff).containsExactly(List.of("ack"));
		assertThat(delivery.settlements()).containsExactly("ack");
	}

	@Test
	void aCallIsHandedToAWorkerBeforeItsAckIsWritten() {
		StubDelivery delivery = deliver(processor(this.executor, AckMode.ON_RECEIPT), call("call"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.invoked.contains("call"));
		assertThat(this.settledAtHandOff).containsExactly(List.of());
		assertThat(delivery.settlements()).containsExactly("ack");
	}

	@Test
	void aCastWhoseAckFailedIsNotHandedToAWorker() {
		RequestProcessor processor = processor(this.executor, AckMode.ON_RECEIPT);
		this.current = new StubDelivery(cast("lost"), false);
		processor.onMessage(this.current);
		deliver(processor, cast("after"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.invoked.contains("after"));
		assertThat(this.invoked).doesNotContain("lost");
		assertThat(this.settledAtHandOff).containsExactly(List.of("ack"));
	}

	@Test
	void aCastAckedJustBeforeTheWorkersStopRunsOnTheConsumerThreadInsteadOfBeingLost() {
		this.stopOnHandOff = true;
		RequestProcessor processor = processor(this.executor, AckMode.ON_RECEIPT);
		StubDelivery delivery = deliver(processor, cast("raced"));
		assertThat(this.invoked).containsExactly("raced", "on " + Thread.currentThread().getName(), "settled [ack]");
		assertThat(delivery.settlements()).containsExactly("ack");
		assertThat(processor.runningInline()).isZero();
	}

	@Test
	void withoutWorkersARequestRunsOnTheConsumerThreadOnceAcked() {
		StubDelivery delivery = deliver(processor(null, AckMode.ON_RECEIPT), call("inline"));
		// done when onMessage returns, on this thread, after the ack
		assertThat(this.invoked).containsExactly("inline", "on " + Thread.currentThread().getName(), "settled [ack]");
		assertThat(delivery.settlements()).containsExactly("ack");
	}

	@Test
	void withoutWorkersARequestWhoseAckFailedIsNotRun() {
		RequestProcessor processor = processor(null, AckMode.ON_RECEIPT);
		StubDelivery failing = new StubDelivery(cast("lost"), false);
		processor.onMessage(failing);
		assertThat(this.invoked).isEmpty();
		assertThat(failing.settlements()).containsExactly("ack");
		assertThat(processor.runningInline()).isZero();
	}

	@Test
	void withoutWorkersAndAckAfterDispatchARequestIsAckedOnceItRan() {
		StubDelivery delivery = deliver(processor(null, AckMode.AFTER_DISPATCH), cast("inline"));
		assertThat(this.invoked).containsExactly("inline", "on " + Thread.currentThread().getName(), "settled []");
		assertThat(delivery.settlements()).containsExactly("ack");
	}

	@Test
	void withoutWorkersAwaitingWaitsForTheRequestsRunningOnConsumerThreads() throws Exception {
		RequestProcessor processor = processor(null, AckMode.ON_RECEIPT);
		CountDownLatch release = new CountDownLatch(1);
		Api.gate = release;
		try {
			Thread consumer = new Thread(() -> deliver(processor, cast("gated")));
			consumer.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> processor.runningInline() == 1);
			assertThat(processor.awaitInline(TimeUnit.MILLISECONDS.toNanos(50))).isFalse();
			release.countDown();
			assertThat(processor.awaitInline(TimeUnit.SECONDS.toNanos(5))).isTrue();
			consumer.join(5000);
			assertThat(this.invoked).startsWith("gated");
		}
		finally {
			Api.gate = null;
		}
	}

	private RequestProcessor processor(@Nullable ThreadPoolExecutor executor, AckMode ackMode) {
		RpcServerOptions options = RpcServerOptions.defaults().withAckMode(ackMode);
		return new RequestProcessor(this.transport, "t",
				new RpcDispatcher(List.of(Endpoint.of(new Api(this.invoked, this))), options.serializer()), options,
				(executor != null) ? new WorkerQueue(executor, null) : null,
				new Heartbeats(this.transport, WireCodec.defaultCodec(), "t.s"));
	}

	private StubDelivery deliver(RequestProcessor processor, byte[] body) {
		StubDelivery delivery = new StubDelivery(body, true);
		this.current = delivery;
		processor.onMessage(delivery);
		return delivery;
	}

	private static byte[] cast(String id) {
		return WireCodec.defaultCodec()
			.encodeRequest(RequestMessage.cast("record", Map.of("id", id), null, null, Map.of()));
	}

	private byte[] call(String id) {
		String replyQueue = this.transport.replyQueue((reply) -> {
		});
		return WireCodec.defaultCodec()
			.encodeRequest(RequestMessage.call("record", Map.of("id", id), null, null, MessageIds.next(), replyQueue,
					null, Map.of()));
	}

	/** The endpoint: records the id, its thread and how its delivery was settled. */
	public static final class Api {

		static volatile @Nullable CountDownLatch gate;

		private final List<String> invoked;

		private final RequestHandoffTest test;

		Api(List<String> invoked, RequestHandoffTest test) {
			this.invoked = invoked;
			this.test = test;
		}

		public void record(String id) throws InterruptedException {
			CountDownLatch latch = gate;
			if (latch != null) {
				latch.await();
			}
			StubDelivery delivery = this.test.current;
			this.invoked.add(id);
			this.invoked.add("on " + Thread.currentThread().getName());
			this.invoked.add("settled " + ((delivery != null) ? delivery.settlements() : "?"));
		}

	}

}
