package io.oslo4j.rpc.transport.fake;

/**
 * What a {@link FakeQueue} pushes its messages to (a {@code basic.consume} with unlimited
 * prefetch). {@link #push} is called with the queue's lock held: it must not block and
 * must not call back into the broker.
 */
@FunctionalInterface
interface FakeConsumer {

	/**
	 * Takes a delivery; the consumer now owns it until it settles it.
	 * @param delivery the delivery
	 */
	void push(FakeDelivery delivery);

}
