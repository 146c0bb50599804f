package io.oslo4j.rpc.notify;

import io.oslo4j.rpc.wire.MessageIds;

/**
 * The notification contract on the in-memory {@code fake://} transport.
 */
class FakeNotificationTest extends AbstractNotificationTests {

	@Override
	protected String url() {
		return "fake:///" + MessageIds.next();
	}

}
