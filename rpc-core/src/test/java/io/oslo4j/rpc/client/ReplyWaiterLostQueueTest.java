package io.oslo4j.rpc.client;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.RpcException;
import io.oslo4j.rpc.transport.StubDelivery;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import io.oslo4j.rpc.wire.ReplyMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reply queue lost with what was on its way to it (direct reply-to): the calls waiting
 * on it fail at once with a {@link RpcDeliveryException}, a call registered on it
 * afterwards fails too, calls on another queue go on, and the next call asks the
 * transport for the queue again.
 */
@Timeout(10)
class ReplyWaiterLostQueueTest {

	private final Transport transport = Transports.create("fake:///" + MessageIds.next());

	private final ReplyWaiter waiter = ReplyWaiter.of(this.transport);

	private final WireCodec codec = WireCodec.defaultCodec();

	@AfterEach
	void tearDown() {
		this.transport.close();
	}

	private PendingCall register(String msgId, String queue) {
		return this.waiter.register(msgId, queue, TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(10),
				(failure) -> new RpcException(failure.message()));
	}

	@Test
	void theCallsWaitingOnALostQueueFailAtOnceNamingTheQueue() {
		String queue = this.waiter.replyQueue();
		String msgId = MessageIds.next();
		PendingCall call = register(msgId, queue);
		this.waiter.onQueueLost(queue, new RpcDeliveryException("the direct reply-to channel closed (test)"));
		assertThat(call.future).isCompletedExceptionally();
		assertThatThrownBy(() -> call.future.get()).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(RpcDeliveryException.class)
			.hasMessageContaining(msgId)
			.hasMessageContaining(queue)
			.hasMessageContaining("the direct reply-to channel closed (test)");
		assertThat(this.waiter.pendingCalls()).isZero();
	}

	@Test
	void aCallRegisteredOnAQueueAlreadyLostFailsAndTheNextCallGetsTheQueueAgain() {
		String queue = this.waiter.replyQueue();
		this.waiter.onQueueLost(queue, new RpcDeliveryException("closed"));
		assertThatThrownBy(() -> register(MessageIds.next(), queue)).isInstanceOf(RpcDeliveryException.class)
			.hasMessageContaining(queue);
		assertThat(this.waiter.pendingCalls()).isZero();
		String again = this.waiter.replyQueue();
		assertThat(again).as("asked the transport again").isEqualTo(this.transport.replyQueue(this.waiter));
		String msgId = MessageIds.next();
		PendingCall call = register(msgId, again);
		this.waiter.onMessage(new StubDelivery(this.codec.encodeReply(ReplyMessage.result(msgId, 7)), true, false));
		assertThat(call.future).isCompletedWithValue(7);
	}

	@Test
	void callsOnAnotherQueueAreNotTouched() {
		String queue = this.waiter.replyQueue();
		PendingCall call = register(MessageIds.next(), queue);
		this.waiter.onQueueLost("amq.rabbitmq.reply-to.other", new RpcDeliveryException("closed"));
		assertThat(call.future).isNotDone();
		assertThat(this.waiter.pendingCalls()).isEqualTo(1);
		assertThat(this.waiter.replyQueue()).isEqualTo(queue);
	}

}
