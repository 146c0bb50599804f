package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ReplyAcks} on channel stubs that record their {@code basic.ack}s: a full batch
 * is acked at once, the rest after the delay, a new channel starts a new batch, and a
 * failed ack loses nothing but that ack.
 */
@Timeout(10)
class ReplyAcksTest {

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private final List<String> acks = new CopyOnWriteArrayList<>();

	/** Holds the delayed flushes until a test runs them. */
	private final List<Runnable> delayed = new CopyOnWriteArrayList<>();

	private final ThreadPoolTaskScheduler manual = new ThreadPoolTaskScheduler() {

		@Override
		public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
			ReplyAcksTest.this.delayed.add(task);
			return null; // ReplyAcks does not use it
		}

	};

	ReplyAcksTest() {
		this.scheduler.initialize();
	}

	@AfterEach
	void tearDown() {
		this.scheduler.shutdown();
	}

	@Test
	void theBatchFollowsThePrefetchAndLeavesHalfOfItForDeliveries() {
		assertThat(ReplyAcks.forPrefetch(0, this.scheduler).batchSize()).isEqualTo(ReplyAcks.MAX_BATCH);
		assertThat(ReplyAcks.forPrefetch(1000, this.scheduler).batchSize()).isEqualTo(ReplyAcks.MAX_BATCH);
		assertThat(ReplyAcks.forPrefetch(10, this.scheduler).batchSize()).isEqualTo(5);
		assertThat(ReplyAcks.forPrefetch(4, this.scheduler).batchSize()).isEqualTo(2);
		assertThat(ReplyAcks.forPrefetch(3, this.scheduler)).as("no room for a batch: ack each").isNull();
		assertThat(ReplyAcks.forPrefetch(1, this.scheduler)).isNull();
	}

	@Test
	void aFullBatchIsAckedAtOnceAndTheRestByTheDelayedFlush() {
		ReplyAcks replyAcks = ReplyAcks.forPrefetch(0, this.manual);
		Channel channel = channel("c1", false);
		for (long tag = 1; tag <= 70; tag++) {
			replyAcks.handled(channel, tag);
		}
		assertThat(this.acks).containsExactly("c1:32:multiple", "c1:64:multiple");
		assertThat(this.delayed).as("one flush pending at a time").hasSize(1);
		this.delayed.remove(0).run();
		assertThat(this.acks).containsExactly("c1:32:multiple", "c1:64:multiple", "c1:70:multiple");
		replyAcks.handled(channel, 71);
		assertThat(this.delayed).as("the next reply schedules the next flush").hasSize(1);
		replyAcks.flush();
		assertThat(this.acks).endsWith("c1:71:multiple");
		this.delayed.remove(0).run();
		assertThat(this.acks).as("nothing left to ack").hasSize(4);
	}

	@Test
	void aReplyHandledAloneIsAckedWithinTheDelay() {
		ReplyAcks replyAcks = ReplyAcks.forPrefetch(0, this.scheduler);
		long start = System.nanoTime();
		replyAcks.handled(channel("c1", false), 7);
		await().atMost(Duration.ofSeconds(2)).until(() -> this.acks.equals(List.of("c1:7:multiple")));
		assertThat(Duration.ofNanos(System.nanoTime() - start))
			.isGreaterThanOrEqualTo(ReplyAcks.MAX_DELAY.minusMillis(10))
			.isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void aNewChannelStartsANewBatch() {
		ReplyAcks replyAcks = ReplyAcks.forPrefetch(8, this.manual);
		Channel first = channel("c1", false);
		Channel second = channel("c2", false);
		replyAcks.handled(first, 1);
		replyAcks.handled(first, 2);
		replyAcks.handled(second, 1);
		replyAcks.flush();
		assertThat(this.acks).as("the closed channel's deliveries are settled by its closing")
			.containsExactly("c2:1:multiple");
		for (long tag = 2; tag <= 5; tag++) {
			replyAcks.handled(second, tag);
		}
		assertThat(this.acks).containsExactly("c2:1:multiple", "c2:5:multiple");
	}

	@Test
	void aFailedAckIsDroppedAndTheNextBatchStartsAfresh() {
		ReplyAcks replyAcks = ReplyAcks.forPrefetch(4, this.manual);
		Channel closed = channel("c1", true);
		replyAcks.handled(closed, 1);
		replyAcks.handled(closed, 2);
		assertThat(this.acks).containsExactly("c1:2:multiple (failed)");
		Channel reopened = channel("c2", false);
		replyAcks.handled(reopened, 1);
		replyAcks.handled(reopened, 2);
		assertThat(this.acks).containsExactly("c1:2:multiple (failed)", "c2:2:multiple");
	}

	@Test
	void withTheSchedulerShutDownEachReplyIsAckedAtOnce() {
		ReplyAcks replyAcks = ReplyAcks.forPrefetch(0, this.scheduler);
		this.scheduler.shutdown();
		Channel channel = channel("c1", false);
		replyAcks.handled(channel, 1);
		replyAcks.handled(channel, 2);
		assertThat(this.acks).containsExactly("c1:1:multiple", "c1:2:multiple");
	}

	private Channel channel(String name, boolean closed) {
		return (Channel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Channel.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "basicAck" -> {
						String ack = name + ":" + args[0] + ((boolean) args[1] ? ":multiple" : ":single");
						if (closed) {
							this.acks.add(ack + " (failed)");
							throw new AlreadyClosedException(new ShutdownSignalException(false, false, null, null));
						}
						this.acks.add(ack);
						yield null;
					}
					case "toString" -> name;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> throw new IOException("not stubbed: " + method.getName());
				});
	}

}
