package io.oslo4j.rpc.e2e;

import io.oslo4j.rpc.wire.MessageIds;

/**
 * The end-to-end contract on the in-memory {@code fake://} transport.
 */
class FakeEndToEndTest extends AbstractEndToEndTests {

	@Override
	protected String url() {
		return "fake:///" + MessageIds.next();
	}

}
