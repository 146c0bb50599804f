package io.oslo4j.rpc.interop;

/**
 * The Python oslo.messaging 14.0.3 client against Java servers on the host's RabbitMQ, in
 * oslo's default mode.
 */
class PythonClientJavaServerTest extends AbstractPythonClientJavaServerTests {

	@Override
	protected InteropCell cell() {
		return InteropCell.OSLO14_DEFAULT;
	}

}
