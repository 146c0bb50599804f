package io.oslo4j.rpc.transport.fake;

/**
 * What a {@link FakeQueue} pushes its messages to (a {@code basic.consume} with unlimited
 * prefetch). {@link #push} is called with the queue's lock (and often the broker's) held:
 * it must not block and must not call back into the broker. A consumer that hands its
 * messages over on the publishing thread does so in {@link #flush()}, which the thread
 * that made the queue push calls once it holds no broker or queue lock.
 */
@FunctionalInterface
interface FakeConsumer {

	/**
	 * Takes a delivery; the consumer now owns it until it settles it.
	 * @param delivery the delivery
	 */
	void push(FakeDelivery delivery);

	/**
	 * Hands over what {@link #push} took and has not handed over yet, on the calling
	 * thread, which holds no broker or queue lock. Must not throw. Does nothing by
	 * default: a consumer with its own thread hands messages over there.
	 */
	default void flush() {
	}

}
