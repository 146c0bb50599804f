package io.oslo4j.rpc.client;

import java.util.concurrent.TimeUnit;

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

/**
 * The late replies count of {@link ReplyWaiter}: a reply for a call that no longer waits
 * is counted once, and not again when the broker delivers it a second time (its batched
 * ack was pending when the connection was lost).
 */
@Timeout(10)
class ReplyWaiterLateRepliesTest {

	private final Transport transport = Transports.create("fake:///" + MessageIds.next());

	private final ReplyWaiter waiter = ReplyWaiter.of(this.transport);

	private final WireCodec codec = WireCodec.defaultCodec();

	@AfterEach
	void tearDown() {
		this.transport.close();
	}

	@Test
	void aReplyForACallNoLongerWaitingIsCountedOnlyOnItsFirstDelivery() {
		byte[] reply = this.codec.encodeReply(ReplyMessage.result(MessageIds.next(), 42));
		this.waiter.onMessage(new StubDelivery(reply, true, false));
		assertThat(this.waiter.lateReplies()).isEqualTo(1);
		this.waiter.onMessage(new StubDelivery(reply, true, true));
		assertThat(this.waiter.lateReplies()).as("a redelivered copy is not a second late reply").isEqualTo(1);
	}

	@Test
	void aRedeliveredReplyStillCompletesACallThatWaits() throws Exception {
		String msgId = MessageIds.next();
		PendingCall call = this.waiter.register(msgId, this.waiter.replyQueue(), TimeUnit.SECONDS.toNanos(5), 0,
				(failure) -> new RpcException(failure.message()));
		this.waiter.onMessage(new StubDelivery(this.codec.encodeReply(ReplyMessage.result(msgId, 42)), true, true));
		assertThat(call.future.get(5, TimeUnit.SECONDS)).isEqualTo(42);
		assertThat(this.waiter.lateReplies()).isZero();
	}

}
