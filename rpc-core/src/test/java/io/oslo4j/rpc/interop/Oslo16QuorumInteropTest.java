package io.oslo4j.rpc.interop;

import io.oslo4j.rpc.notify.AbstractPythonNotificationInteropTests;
import org.junit.jupiter.api.Nested;

/**
 * The interop suites in one cell of the matrix: oslo.messaging 16.1.0 on RabbitMQ 4.0.5
 * with quorum topic queues. Run it alone with
 * {@code ./mvnw -pl rpc-core test -Dtest=Oslo16QuorumInteropTest}.
 */
class Oslo16QuorumInteropTest {

	private static final InteropCell CELL = InteropCell.OSLO16_QUORUM;

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
