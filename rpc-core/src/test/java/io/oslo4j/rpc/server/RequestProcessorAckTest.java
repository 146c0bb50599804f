package io.oslo4j.rpc.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.transport.StubDelivery;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ack on receipt as oslo does it: a request is dispatched only after its ack was written,
 * so a request whose ack failed (its channel closed; the broker delivers it again) never
 * runs here; and a request refused by a stopping server is rejected with requeue, for
 * another server.
 */
@Timeout(30)
class RequestProcessorAckTest {

	private final Transport transport = Transports.create("fake:///" + MessageIds.next());

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1), WorkerQueue::refuse);

	private final List<String> invoked = new CopyOnWriteArrayList<>();

	private final RequestProcessor processor = new RequestProcessor(this.transport, "t",
			new RpcDispatcher(List.of(Endpoint.of(new Api(this.invoked))), RpcServerOptions.defaults().serializer()),
			RpcServerOptions.defaults(), new WorkerQueue(this.executor, null),
			new Heartbeats(this.transport, WireCodec.defaultCodec(), "t.s"));

	@AfterEach
	void close() {
		this.executor.shutdownNow();
		this.transport.close();
	}

	@Test
	void aRequestIsDispatchedOnceItsAckWasWritten() {
		StubDelivery delivery = new StubDelivery(cast("one"), true);
		this.processor.onMessage(delivery);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.invoked.contains("one"));
		assertThat(delivery.settlements()).containsExactly("ack");
	}

	@Test
	void aRequestWhoseAckFailedIsNotDispatched() throws Exception {
		StubDelivery failing = new StubDelivery(cast("lost"), false);
		this.processor.onMessage(failing);
		// a request after it on the same workers runs: the first was dropped, not queued
		this.processor.onMessage(new StubDelivery(cast("after"), true));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.invoked.contains("after"));
		this.executor.shutdown();
		assertThat(this.executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.invoked).containsExactly("after");
		assertThat(failing.settlements()).containsExactly("ack");
	}

	@Test
	void theRedeliveredCopyOfARequestWhoseAckFailedIsDispatchedNotDroppedAsADuplicate() {
		byte[] body = cast("again");
		StubDelivery first = new StubDelivery(body, false);
		this.processor.onMessage(first);
		StubDelivery redelivered = new StubDelivery(body, true);
		this.processor.onMessage(redelivered);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.invoked.contains("again"));
		// and a third copy, after one was dispatched, is a duplicate
		this.processor.onMessage(new StubDelivery(body, true));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.processor.duplicatesDropped() == 1);
		assertThat(this.invoked).containsExactly("again");
	}

	@Test
	void withEveryWorkerBusyARequestIsAckedBeforeItWaitsForRoom() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.executor.execute(() -> awaitQuietly(release));
		this.processor.onMessage(new StubDelivery(cast("queued"), true));
		StubDelivery waiting = new StubDelivery(cast("waiting"), true);
		Thread consumer = new Thread(() -> this.processor.onMessage(waiting));
		consumer.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> consumer.getState() == Thread.State.WAITING);
		assertThat(waiting.settlements()).as("acked while it waits for room").containsExactly("ack");
		release.countDown();
		consumer.join(5000);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.invoked.size() == 2);
		assertThat(this.invoked).containsExactly("queued", "waiting");
	}

	@Test
	void aRequestRefusedByAStoppingServerIsRequeued() {
		this.executor.shutdown();
		StubDelivery delivery = new StubDelivery(cast("late"), true);
		this.processor.onMessage(delivery);
		assertThat(delivery.settlements()).containsExactly("reject requeue=true");
		assertThat(this.invoked).isEmpty();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] cast(String id) {
		return WireCodec.defaultCodec()
			.encodeRequest(RequestMessage.cast("record", Map.of("id", id), null, null, Map.of()));
	}

	/** The endpoint: records the ids it was called with. */
	public static final class Api {

		private final List<String> invoked;

		Api(List<String> invoked) {
			this.invoked = invoked;
		}

		public void record(String id) {
			this.invoked.add(id);
		}

	}

	/** A delivery whose ack succeeds or fails, recording how it was settled. */

}
