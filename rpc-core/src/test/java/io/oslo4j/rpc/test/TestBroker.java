package io.oslo4j.rpc.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.net.InetSocketAddress;
import java.net.Socket;

import io.oslo4j.rpc.transport.TransportUrl;
import org.junit.jupiter.api.Assumptions;

/**
 * The RabbitMQ broker the tests use: {@code rabbit://guest:guest@127.0.0.1:5672/}, or the
 * URL in the environment variable {@code OSLO4J_TEST_RABBIT_URL}. With {@code CI=true} a
 * broker that cannot be reached fails the test; elsewhere it skips it.
 */
public final class TestBroker {

	/** The environment variable that overrides the broker URL. */
	public static final String URL_VARIABLE = "OSLO4J_TEST_RABBIT_URL";

	private TestBroker() {
	}

	/**
	 * Returns the broker URL, after checking that the broker accepts TCP connections.
	 * @return the URL
	 */
	public static String url() {
		String url = System.getenv(URL_VARIABLE);
		if (url == null || url.isBlank()) {
			url = "rabbit://guest:guest@127.0.0.1:5672/";
		}
		TransportUrl.Host host = TransportUrl.parse(url).hosts().get(0);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host.effectiveHostname(), host.effectivePort()), 2000);
		}
		catch (IOException ex) {
			String message = "RabbitMQ is not reachable at " + host.address() + " (" + ex.getMessage()
					+ "); start it with 'rabbitmq-server -detached' or set " + URL_VARIABLE;
			if (isCi()) {
				throw new IllegalStateException(message, ex);
			}
			Assumptions.abort(message);
		}
		return url;
	}

	/**
	 * Returns whether the tests run under CI ({@code CI=true}), where nothing may be
	 * skipped.
	 * @return whether this is CI
	 */
	public static boolean isCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/**
	 * Runs {@code rabbitmqctl -q} against the test broker's node.
	 * @param args the command and its arguments
	 * @return its output
	 * @throws IOException when it fails (non-zero exit, naming the output) or takes over
	 * 60 s
	 * @throws InterruptedException when interrupted
	 */
	public static String rabbitmqctl(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IOException(String.join(" ", command) + " failed: " + output);
		}
		return output;
	}

}
