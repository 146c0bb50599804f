package io.oslo4j.rpc.notify;

import io.oslo4j.rpc.interop.InteropCell;

/**
 * Notifications between Java and Python oslo.messaging 14.0.3 on the host's RabbitMQ, in
 * oslo's default mode.
 */
class PythonNotificationInteropTest extends AbstractPythonNotificationInteropTests {

	@Override
	protected InteropCell cell() {
		return InteropCell.OSLO14_DEFAULT;
	}

}
