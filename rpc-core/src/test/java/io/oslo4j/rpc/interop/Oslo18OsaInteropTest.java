package io.oslo4j.rpc.interop;

import io.oslo4j.rpc.notify.AbstractPythonNotificationInteropTests;
import org.junit.jupiter.api.Nested;

/**
 * The interop suites in one cell of the matrix: oslo.messaging 18.1.0 on a strict
 * RabbitMQ 4.0.5 in openstack-ansible's mode. Run it alone with
 * {@code ./mvnw -pl rpc-core test -Dtest=Oslo18OsaInteropTest}.
 */
class Oslo18OsaInteropTest {

	private static final InteropCell CELL = InteropCell.OSLO18_OSA;

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
