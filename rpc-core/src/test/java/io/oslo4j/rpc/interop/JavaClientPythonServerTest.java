package io.oslo4j.rpc.interop;

/**
 * The Java client against Python oslo.messaging 14.0.3 servers on the host's RabbitMQ, in
 * oslo's default mode.
 */
class JavaClientPythonServerTest extends AbstractJavaClientPythonServerTests {

	@Override
	protected InteropCell cell() {
		return InteropCell.OSLO14_DEFAULT;
	}

}
