package io.oslo4j.rpc.interop;

import io.oslo4j.rpc.notify.AbstractPythonNotificationInteropTests;
import org.junit.jupiter.api.Nested;

/**
 * The interop suites in one cell of the matrix: oslo.messaging 14.0.3 on the host's
 * RabbitMQ with quorum topic queues. Run it alone with
 * {@code ./mvnw -pl rpc-core test -Dtest=Oslo14QuorumInteropTest}.
 */
class Oslo14QuorumInteropTest {

	private static final InteropCell CELL = InteropCell.OSLO14_QUORUM;

	@Nested
	class JavaClientPythonServers extends AbstractJavaClientPythonServerTests {

		@Override
		protected InteropCell cell() {
			return CELL;
		}

	}

	@Nested
	class PythonClientJavaServers extends AbstractPythonClientJavaServerTests {

		@Override
		protected InteropCell cell() {
			return CELL;
		}

	}

	@Nested
	class Notifications extends AbstractPythonNotificationInteropTests {

		@Override
		protected InteropCell cell() {
			return CELL;
		}

	}

}
