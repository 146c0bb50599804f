package io.oslo4j.rpc.transport.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.oslo4j.rpc.transport.fake.FakeTransportTest.awaitQuietly;
import static io.oslo4j.rpc.transport.fake.Recorder.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * A reply queue's handler runs on the thread that publishes the reply: no thread of its
 * own, one call at a time, in order, and nothing it does reaches the publisher.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FakeReplyQueueTest {

	private final String vhost = "fake-reply-" + UUID.randomUUID();

	private final List<Transport> transports = new ArrayList<>();

	private final FakeTransport server = transport();

	private final FakeTransport client = transport();

	@AfterEach
	void closeTransports() {
		this.transports.forEach(Transport::close);
	}

	private FakeTransport transport() {
		Transport transport = Transports.create("fake:///" + this.vhost);
		this.transports.add(transport);
		return (FakeTransport) transport;
	}

	@Test
	void replyIsHandledOnThePublishingThreadBeforeReplyReturns() {
		Recorder replies = new Recorder((message) -> {
		});
		String queue = this.client.replyQueue(replies);
		this.server.reply(queue, bytes("re"));
		assertThat(replies.bodies()).containsExactly("re");
		assertThat(replies.received().get(0).thread()).isSameAs(Thread.currentThread());
		assertThat(this.client.broker().queue(queue).messageCount()).isZero();
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch((thread) -> thread.getName().contains(queue));
	}

	@Test
	void handlerThatThrowsHasItsReplyRejectedAndThePublisherGoesOn() {
		Recorder replies = new Recorder((message) -> {
			switch (Recorder.text(message)) {
				case "exception" -> throw new IllegalStateException("boom");
				case "error" -> throw new AssertionError("boom");
				default -> {
				}
			}
		});
		String queue = this.client.replyQueue(replies);
		assertThatNoException().isThrownBy(() -> this.server.reply(queue, bytes("exception")));
		assertThatNoException().isThrownBy(() -> this.server.reply(queue, bytes("error")));
		this.server.reply(queue, bytes("ok"));
		assertThat(replies.bodies()).containsExactly("exception", "error", "ok");
		assertThat(this.client.broker().queue(queue).messageCount()).isZero();
	}

	@Test
	void handlerThatRepliesAgainHandlesTheNewReplyAfterItReturns() {
		List<String> events = new ArrayList<>();
		String[] queue = new String[1];
		queue[0] = this.client.replyQueue((message) -> {
			String body = Recorder.text(message);
			events.add("start " + body);
			if (body.equals("first")) {
				this.server.reply(queue[0], bytes("second"));
			}
			events.add("end " + body);
		});
		this.server.reply(queue[0], bytes("first"));
		assertThat(events).containsExactly("start first", "end first", "start second", "end second");
	}

	@Test
	void requeuedReplyComesBackOnTheSameThreadMarkedRedelivered() {
		Recorder replies = new Recorder((message) -> {
			if (!message.redelivered()) {
				message.reject(true);
			}
		});
		String queue = this.client.replyQueue(replies);
		this.server.reply(queue, bytes("again"));
		assertThat(replies.received()).extracting(Recorder.Received::redelivered).containsExactly(false, true);
		assertThat(replies.received()).allSatisfy((r) -> assertThat(r.thread()).isSameAs(Thread.currentThread()));
	}

	@Test
	void publisherDoesNotWaitForAnotherPublishersHandler() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Recorder replies = new Recorder((message) -> {
			if (Recorder.text(message).equals("slow")) {
				awaitQuietly(release);
			}
		});
		String queue = this.client.replyQueue(replies);
		Thread slow = new Thread(() -> this.server.reply(queue, bytes("slow")), "slow-replier");
		slow.start();
		await().until(() -> replies.bodies().contains("slow"));
		this.server.reply(queue, bytes("fast"));
		assertThat(replies.bodies()).containsExactly("slow");
		release.countDown();
		slow.join(TimeUnit.SECONDS.toMillis(10));
		assertThat(replies.bodies()).containsExactly("slow", "fast");
		assertThat(replies.received().get(1).thread()).isSameAs(slow);
	}

	@Test
	void concurrentPublishersGetOneHandlerCallAtATimeInTheirOrder() throws Exception {
		int publishers = 4;
		int each = 500;
		AtomicInteger inHandler = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		Recorder replies = new Recorder((message) -> {
			if (inHandler.incrementAndGet() != 1) {
				overlaps.incrementAndGet();
			}
			Thread.onSpinWait();
			inHandler.decrementAndGet();
		});
		String queue = this.client.replyQueue(replies);
		CyclicBarrier start = new CyclicBarrier(publishers);
		List<CompletableFuture<Void>> done = new ArrayList<>();
		for (int p = 0; p < publishers; p++) {
			String name = "p" + p;
			done.add(CompletableFuture.runAsync(() -> {
				awaitBarrier(start);
				for (int i = 0; i < each; i++) {
					this.server.reply(queue, bytes(name + ":" + i));
				}
			}, (task) -> new Thread(task, name).start()));
		}
		CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
		assertThat(replies.received()).hasSize(publishers * each);
		assertThat(overlaps).hasValue(0);
		for (int p = 0; p < publishers; p++) {
			String prefix = "p" + p + ":";
			List<String> mine = replies.bodies().stream().filter((body) -> body.startsWith(prefix)).toList();
			assertThat(mine).containsExactlyElementsOf(
					java.util.stream.IntStream.range(0, each).mapToObj((i) -> prefix + i).toList());
		}
	}

	@Test
	void afterCloseRepliesStayQueuedAndNothingIsHandled() {
		Recorder replies = new Recorder((message) -> {
		});
		String queue = this.client.replyQueue(replies);
		this.client.close();
		this.server.reply(queue, bytes("after close"));
		assertThat(replies.received()).isEmpty();
		assertThat(this.server.broker().queue(queue).messageCount()).isOne();
		List<String> later = new ArrayList<>();
		this.server.broker().queue(queue).addConsumer((delivery) -> later.add(Recorder.text(delivery)));
		assertThat(later).containsExactly("after close");
	}

	private static void awaitBarrier(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
