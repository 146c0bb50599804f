package io.oslo4j.rpc.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.interop.OsloPeer;
import io.oslo4j.rpc.test.Debian13Root;
import io.oslo4j.rpc.test.TestBroker;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks (once per peer) that a Python peer can load oslo.messaging's kafka:// driver,
 * which needs confluent-kafka (Debian's python3-confluent-kafka). Fails under
 * {@code CI=true}, otherwise aborts the test.
 */
final class KafkaPeers {

	private static final Map<OsloPeer, String> PROBLEMS = new EnumMap<>(OsloPeer.class);

	private KafkaPeers() {
	}

	static synchronized void require(OsloPeer peer) {
		peer.require();
		String problem = PROBLEMS.computeIfAbsent(peer, KafkaPeers::probe);
		if (!problem.isEmpty()) {
			if (TestBroker.isCi()) {
				throw new AssertionError(problem);
			}
			Assumptions.abort(problem);
		}
	}

	private static String probe(OsloPeer peer) {
		List<String> probe = List.of("-c", "import confluent_kafka, oslo_messaging._drivers.impl_kafka");
		List<String> command;
		String hint;
		if (peer.inDebian13Root()) {
			String python = (peer == OsloPeer.OSLO_16) ? "/usr/bin/python3" : "/opt/oslo18/bin/python3";
			command = new java.util.ArrayList<>(List.of(python));
			command.addAll(probe);
			command = Debian13Root.require().command(Map.of(), command);
			hint = "run .ci/debian13-root, which installs python3-confluent-kafka into the Debian 13 root";
		}
		else {
			command = new java.util.ArrayList<>(List.of("/usr/bin/python3"));
			command.addAll(probe);
			hint = "apt-get install -y python3-confluent-kafka";
		}
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return peer + " cannot load the kafka driver in time; " + hint;
			}
			return (process.exitValue() == 0) ? ""
					: peer + " cannot load oslo.messaging's kafka driver (" + out + "); " + hint;
		}
		catch (IOException ex) {
			return peer + ": cannot run " + command + " (" + ex + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
